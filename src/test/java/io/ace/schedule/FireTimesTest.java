package io.ace.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.support.CronExpression;

/** A nightly run fires exactly once per night across daylight-saving changes. */
@Tag("fast")
class FireTimesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static List<String> nights(String cron, String fromLocal, String toLocal) {
        Instant from = LocalDateTime.parse(fromLocal).atZone(NEW_YORK).toInstant();
        Instant to = LocalDateTime.parse(toLocal).atZone(NEW_YORK).toInstant();
        return FireTimes.between(CronExpression.parse(cron), NEW_YORK, from, to, 100).stream()
                .map(fire -> fire.toOffsetDateTime().toString()).toList();
    }

    @Test
    void springForwardMovesATimeInTheGapForwardByTheGap() {
        // 2026-03-08 02:00 EST jumps to 03:00 EDT: 02:30 does not exist that night
        assertThat(nights("0 30 2 * * *", "2026-03-07T00:00", "2026-03-09T23:00"))
                .containsExactly("2026-03-07T02:30-05:00", "2026-03-08T03:30-04:00", "2026-03-09T02:30-04:00");
        assertThat(nights("0 30 1 * * *", "2026-03-07T00:00", "2026-03-09T23:00"))
                .containsExactly("2026-03-07T01:30-05:00", "2026-03-08T01:30-05:00", "2026-03-09T01:30-04:00");
    }

    @Test
    void fallBackFiresATimeThatOccursTwiceOnceAtTheEarlierOffset() {
        // 2026-11-01 02:00 EDT falls back to 01:00 EST: 01:30 happens twice that night
        assertThat(nights("0 30 1 * * *", "2026-10-31T00:00", "2026-11-02T23:00"))
                .containsExactly("2026-10-31T01:30-04:00", "2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00");
        assertThat(nights("0 30 2 * * *", "2026-10-31T00:00", "2026-11-02T23:00"))
                .containsExactly("2026-10-31T02:30-04:00", "2026-11-01T02:30-05:00", "2026-11-02T02:30-05:00");
    }

    @Test
    void aSchedulerStartedDuringTheRepeatedHourDoesNotRunTheNightAgain() {
        CronExpression cron = CronExpression.parse("0 30 1 * * *");
        // 01:10 EST, after 01:30 EDT has already fired
        Instant secondPass = ZonedDateTime.ofStrict(LocalDateTime.parse("2026-11-01T01:10"), ZoneOffset.ofHours(-5), NEW_YORK)
                .toInstant();
        assertThat(FireTimes.next(cron, NEW_YORK, secondPass).toOffsetDateTime()).hasToString("2026-11-02T01:30-05:00");
        // just before the gap, the night's 02:30 still fires (at 03:30 EDT)
        Instant beforeGap = LocalDateTime.parse("2026-03-08T01:59:59").atZone(NEW_YORK).toInstant();
        assertThat(FireTimes.next(CronExpression.parse("0 30 2 * * *"), NEW_YORK, beforeGap).toOffsetDateTime())
                .hasToString("2026-03-08T03:30-04:00");
    }

    @Test
    void firesAreStrictlyAfterTheStartAndCapped() {
        CronExpression everyTwoSeconds = CronExpression.parse("*/2 * * * * *");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(FireTimes.between(everyTwoSeconds, ZoneId.of("UTC"), start, start.plusSeconds(10), 100))
                .extracting(ZonedDateTime::toInstant)
                .containsExactly(start.plusSeconds(2), start.plusSeconds(4), start.plusSeconds(6), start.plusSeconds(8), start.plusSeconds(10));
        assertThat(FireTimes.between(everyTwoSeconds, ZoneId.of("UTC"), start, start.plusSeconds(3600), 3)).hasSize(3);
    }

    @Test
    void badCronAndZoneAreReportedWhereTheyAreWritten(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad-cron.yml"), """
                name: bad-cron
                operation: table-diff
                cron: "0 30 2 * *"
                target: public.t
                """);
        Files.writeString(dir.resolve("bad-zone.yml"), """
                name: bad-zone
                cron: "0 30 2 * * *"
                operation: table-diff
                target: public.t
                time_zone: Mars/Olympus
                """);
        DefinitionLoader.Loaded loaded = new DefinitionLoader(List.of("table-diff"), args -> { }).load(dir);
        assertThat(loaded.definitions()).isEmpty();
        assertThat(loaded.errors()).hasSize(2);
        DefinitionError cron = loaded.errors().get(0);
        assertThat(cron.file().getFileName()).hasToString("bad-cron.yml");
        assertThat(cron.line()).isEqualTo(3);
        assertThat(cron.column()).isEqualTo(7);
        assertThat(cron.message()).contains("bad cron '0 30 2 * *'");
        DefinitionError zone = loaded.errors().get(1);
        assertThat(zone.file().getFileName()).hasToString("bad-zone.yml");
        assertThat(zone.line()).isEqualTo(5);
        assertThat(zone.message()).contains("unknown time zone 'Mars/Olympus'");
        assertThat(zone.toString()).startsWith(dir.resolve("bad-zone.yml") + ":5:12: ");
    }
}
