package io.ace.schedule;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * One scheduled job, as read from its definition file.
 *
 * @param cluster       null for the default cluster
 * @param flagArguments the command-line flags, e.g. {@code [--block-size, 10000, --no-recheck]}
 */
public record ScheduleDefinition(String name, CronExpression cron, ZoneId zone, String operation, String cluster, String target,
                                 List<String> flagArguments, boolean enabled, Path file) {

    /** What a shell word may contain without quotes; anything else is single-quoted. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./,=@%+-]+");

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
        StringBuilder line = new StringBuilder("scripts/ace");
        for (String arg : commandWithoutOutputDir(fireTime)) {
            line.append(' ').append(SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    private List<String> commandWithoutOutputDir(OffsetDateTime fireTime) {
        List<String> args = new ArrayList<>();
        args.add(operation);
        if (cluster != null) {
            args.add(cluster);
        }
        args.add(target);
        args.addAll(flagArguments);
        args.add("--run-key");
        args.add(runKey(fireTime));
        return args;
    }
}
