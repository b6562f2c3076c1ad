package io.ace.schedule;

import io.ace.launch.LaunchGrammar;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;

/**
 * One scheduled job, as read from its definition file.
 *
 * @param cluster       null for the default cluster
 * @param target        null for an operation on the whole cluster
 * @param flagArguments the command-line flags, e.g. {@code [--block-size, 10000, --no-recheck]}
 */
public record ScheduleDefinition(String name, CronExpression cron, ZoneId zone, String operation, String cluster, String target,
                                 List<String> flagArguments, boolean enabled, Path file) {

    public ScheduleDefinition {
        flagArguments = List.copyOf(flagArguments);
    }

    /**
     * The run key of one fire: relaunching the same command with it resumes that fire's run,
     * and no other fire shares it.
     */
    public String runKey(OffsetDateTime fireTime) {
        return "scheduled:" + name + ":" + fireTime;
    }

    /** The command line of one fire, as typed after {@code ace}. */
    public List<String> arguments(OffsetDateTime fireTime, Path outputDir) {
        List<String> args = commandWithoutOutputDir(fireTime);
        args.add("--output-dir");
        args.add(outputDir.toString());
        return args;
    }

    /** The shell command that launches (or resumes) one fire by hand. */
    public String commandLine(OffsetDateTime fireTime) {
        return LaunchGrammar.shellText(commandWithoutOutputDir(fireTime));
    }

    private List<String> commandWithoutOutputDir(OffsetDateTime fireTime) {
        List<String> args = new ArrayList<>();
        args.add(operation);
        if (cluster != null) {
            args.add(cluster);
        }
        if (target != null) {
            args.add(target);
        }
        args.addAll(flagArguments);
        args.add("--run-key");
        args.add(runKey(fireTime));
        return args;
    }
}
