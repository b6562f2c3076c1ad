package io.ace.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One fire of a schedule and its outcome.
 *
 * @param fireTime    the fire time in the schedule's zone, as it appears in the run key
 * @param executionId the job execution launched, or the one that caused a skip; null when none
 */
public record FireRecord(String scheduleName, OffsetDateTime fireTime, FireOutcome outcome, Long executionId, String message,
                         Instant recordedAt) {
}
