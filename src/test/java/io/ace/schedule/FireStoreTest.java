package io.ace.schedule;

import io.ace.repository.RepositorySchema;
import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.LocalCluster;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The fire records keep in both databases a job repository may live in. */
class FireStoreTest {

    @Test
    void h2() {
        roundTrip(new DriverManagerDataSource("jdbc:h2:mem:fires;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void postgresql() {
        String url = LocalCluster.repositoryServer().newDatabase("fires_test");
        roundTrip(new DriverManagerDataSource(url, "ace", LocalCluster.PASSWORD));
    }

    private static void roundTrip(DataSource dataSource) {
        RepositorySchema.migrate(dataSource);
        RepositorySchema.migrate(dataSource);
        FireStore store = new FireStore(dataSource);
        Instant now = Instant.parse("2026-11-22T01:35:00.123Z");
        FireRecord first = new FireRecord("nightly", OffsetDateTime.parse("2026-11-21T02:30+01:00"), FireOutcome.LAUNCHED, 12L,
                "job execution 12 started", now);
        FireRecord second = new FireRecord("nightly", OffsetDateTime.parse("2026-11-22T02:30+01:00"), FireOutcome.LAUNCH_FAILED, null,
                "x".repeat(5000), now);
        FireRecord other = new FireRecord("hourly", OffsetDateTime.parse("2026-11-22T01:00Z"), FireOutcome.MISSED, null, "not run", now);
        store.record(second);
        store.record(first);
        store.record(other);

        assertThat(store.lastFire("nightly").fireTime()).isEqualTo(second.fireTime());
        assertThat(store.lastFire("nightly").executionId()).isNull();
        assertThat(store.lastFire("nightly").message()).hasSize(4000);
        assertThat(store.lastFire("never")).isNull();
        assertThat(store.recentFires(10)).extracting(FireRecord::fireTime)
                .containsExactly(second.fireTime(), other.fireTime(), first.fireTime());
        assertThat(store.recentFires(2)).hasSize(2);
        assertThat(store.recentFires(10).get(2)).isEqualTo(first);
    }
}
