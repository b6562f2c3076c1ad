package io.ace.schedule;

import io.ace.launch.LaunchFields;
import io.ace.launch.LaunchGrammar;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.scheduling.support.CronExpression;

/**
 * One scheduled job, as read from its definition file.
 *
 * @param cluster null for the default cluster
 * @param target  null for an operation on the whole cluster
 * @param flags   the flags by their long names: {@code true} for a switch, text, or a list of texts
 */
public record ScheduleDefinition(String name, CronExpression cron, ZoneId zone, String operation, String cluster, String target,
                                 Map<String, Object> flags, boolean enabled, Path file) {

    public ScheduleDefinition {
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    }

    /**
     * The run key of one fire: relaunching the same command with it resumes that fire's run,
     * and no other fire shares it.
     */
    public String runKey(OffsetDateTime fireTime) {
        return "scheduled:" + name + ":" + fireTime;
    }

    /** The launch of one fire. */
    public LaunchFields launch(OffsetDateTime fireTime) {
        return new LaunchFields(operation, cluster, target, flags).with("run-key", runKey(fireTime));
    }

    /** The shell command that launches (or resumes) one fire by hand. */
    public String commandLine(OffsetDateTime fireTime) {
        return LaunchGrammar.shellText(LaunchGrammar.commandLine(launch(fireTime)));
    }
}
