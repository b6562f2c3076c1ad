package io.ace.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a cron expression fires in a time zone. Fires are found in the zone's local date-time and
 * only then placed on the time line, so a nightly run is neither skipped nor doubled when the
 * clocks change: a local time that does not exist (spring forward) fires later by the length of
 * the gap, and a local time that occurs twice (fall back) fires once, at the earlier offset.
 */
public final class FireTimes {

    private FireTimes() {
    }

    /** The first fire strictly after {@code after}, or null when the expression never fires again. */
    public static ZonedDateTime next(CronExpression cron, ZoneId zone, Instant after) {
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        while (true) {
            local = cron.next(local);
            if (local == null) {
                return null;
            }
            // ofLocal moves a time in a gap forward by the gap and picks the earlier offset in an overlap
            ZonedDateTime fire = ZonedDateTime.ofLocal(local, zone, null);
            // the earlier offset of an overlap, or a gap collapsed onto a later time, can lie at or before 'after'
            if (fire.toInstant().isAfter(after)) {
                return fire;
            }
        }
    }

    /** The fires after {@code after} up to and including {@code until}, oldest first, at most {@code limit}. */
    public static List<ZonedDateTime> between(CronExpression cron, ZoneId zone, Instant after, Instant until, int limit) {
        List<ZonedDateTime> fires = new ArrayList<>();
        ZonedDateTime fire = next(cron, zone, after);
        while (fire != null && !fire.toInstant().isAfter(until) && fires.size() < limit) {
            fires.add(fire);
            fire = next(cron, zone, fire.toInstant());
        }
        return fires;
    }
}
