package io.ace.schedule;

import java.time.ZonedDateTime;

/**
 * A schedule as the UI shows it.
 *
 * @param nextFire null when the schedule is disabled or its cron never fires again
 * @param lastFire the latest recorded fire, or null when it never fired
 */
public record ScheduleStatus(ScheduleDefinition definition, ZonedDateTime nextFire, FireRecord lastFire) {
}
