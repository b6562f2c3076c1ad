package io.ace.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class IsoTimeTest {

    @Test
    void aTimeIsWrittenWithItsOffsetToTheMillisecondOrTheSecond() {
        OffsetDateTime t = OffsetDateTime.of(2026, 12, 6, 2, 25, 21, 873_058_214, ZoneOffset.ofHours(1));
        assertThat(IsoTime.millis(t)).isEqualTo("2026-12-06T02:25:21.873+01:00");
        assertThat(IsoTime.seconds(t)).isEqualTo("2026-12-06T02:25:21+01:00");
        assertThat(IsoTime.millis(t.withNano(0))).as("no digits dropped").isEqualTo("2026-12-06T02:25:21.000+01:00");
        assertThat(IsoTime.millis((OffsetDateTime) null)).isNull();
    }

    @Test
    void aTimeWithoutZoneIsThisMachinesLocalTime() {
        LocalDateTime local = LocalDateTime.of(2026, 12, 6, 2, 35, 55, 745_625_196);
        String offset = IsoTime.millis(local.atZone(ZoneId.systemDefault()).toOffsetDateTime());
        assertThat(IsoTime.millis(local)).isEqualTo(offset).startsWith("2026-12-06T02:35:55.745");
        Instant instant = local.atZone(ZoneId.systemDefault()).toInstant();
        assertThat(IsoTime.millis(instant)).isEqualTo(offset);
    }

    @Test
    void documentsWriteEveryTimeTheSameWay() {
        OffsetDateTime t = OffsetDateTime.of(2026, 12, 6, 2, 25, 21, 873_058_214, ZoneOffset.UTC);
        String json = AceJson.DOCUMENTS.writeValueAsString(Map.of("at", t, "instant", t.toInstant()));
        assertThat(json).contains("\"at\":\"2026-12-06T02:25:21.873+00:00\"").contains("2026-12-06T").doesNotContain("873058214");
    }
}
