package io.ace.operation;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What every launch carries besides its operation's own options.
 *
 * @param runKey    the run key: the same key resumes a run
 * @param outputDir where reports are written
 * @param diffFiles the diff files earlier executions wrote, for {@code --from-execution}
 * @param clusters  the cluster a launch names, or the default one for none
 * @param repairPlans the directory of the repair plans a launch may name ({@code --repair-plan-name})
 */
public record RunBasics(String runKey, Path outputDir, DiffFiles diffFiles, UnaryOperator<String> clusters, Path repairPlans) {

    /** What a run key may be: it is printed on terminals and in logs, and a scheduler's keys carry times ({@code 2026-11-22T02:30+01:00}). */
    public static final Pattern RUN_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:+-]{0,199}");

    /** The cluster of this launch: as given, or the default (ace.default-cluster, or the only one in the service file). */
    public String cluster(String given) {
        return clusters.apply(given);
    }

    /** For a launch without {@code --run-key}: every such launch is a new run. */
    public static String newRunKey() {
        return "adhoc-" + UUID.randomUUID();
    }
}
