package io.ace.operation;

import java.nio.file.Path;
import java.util.UUID;

/**
 * What every launch carries besides its operation's own options.
 *
 * @param runKey    the run key: the same key resumes a run
 * @param outputDir where reports are written
 * @param diffFiles the diff files earlier executions wrote, for {@code --from-execution}
 */
public record RunBasics(String runKey, Path outputDir, DiffFiles diffFiles) {

    /** For a launch without {@code --run-key}: every such launch is a new run. */
    public static String newRunKey() {
        return "adhoc-" + UUID.randomUUID();
    }
}
