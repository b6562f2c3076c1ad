package io.ace.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.audit.AuditLog;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The repository's schema is the migrations', applied as the application applies them (its own settings), once. */
@Tag("fast")
class RepositoryMigrationsTest {

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    @Test
    void aNewRepositoryGetsEveryTableAndASecondStartRunsNothing() {
        JdbcDataSource h2 = h2();
        assertThat(RepositorySchema.flyway(h2, null).migrate().migrationsExecuted).isEqualTo(5);
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", String.class);
        assertThat(tables).contains("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT", "ACE_AUDIT",
                "ACE_DIFF_BLOCK", "ACE_DIFF_FINDING", "ACE_SCHEDULE_FIRE", "ACE_PARTITION_CLAIM", "ACE_WORKER");
        assertThat(RepositorySchema.flyway(h2, null).migrate().migrationsExecuted).isZero();
    }

    @Test
    void aStartSkipsFlywayOnlyOnARepositoryThatHasTheNewestMigration() {
        JdbcDataSource h2 = h2();
        assertThat(RepositorySchema.current(h2)).as("no history yet").isFalse();
        RepositorySchema.flyway(h2, "2.1").migrate();
        assertThat(RepositorySchema.current(h2)).as("one migration behind").isFalse();
        RepositorySchema.migrate(h2);
        assertThat(RepositorySchema.current(h2)).isTrue();
        assertThat(RepositorySchema.flyway(h2, null).info().current().getVersion().getVersion())
                .as("the newest migration this build ships, as the start checks it").isEqualTo(RepositorySchema.NEWEST);
        assertThat(RepositorySchema.flyway(h2, null).info().pending()).isEmpty();
    }

    @Test
    void refusalsThatQuotedServerFilesLoseTheirTextAndNothingElse() {
        JdbcDataSource h2 = h2();
        RepositorySchema.flyway(h2, "2.1").migrate();
        AuditLog log = new AuditLog(h2);
        // as an earlier version recorded them
        log.record("operator", "launch", "scripts/ace table-diff local @/srv/ace/pg_service.conf", null,
                "refused: expected [CLUSTER] SCHEMA.TABLE, got: local [local] host=127.0.0.1 user=ace password=s3cret");
        log.record("operator", "launch", "scripts/ace table-rerun local public.t --diff-file=/etc/passwd", null,
                "refused: --diff-file /etc/passwd is malformed or truncated at line 1: root:x:0:0");
        log.record("operator", "launch", "scripts/ace table-diff local public.t --block-size 5", null,
                "refused: --block-size must be between 10 and 10000000");
        log.record("operator", "launch", "scripts/ace table-diff local public.t", 7L, "started as job execution 7");

        assertThat(RepositorySchema.flyway(h2, null).migrate().migrationsExecuted).isEqualTo(1);
        String purged = "refused: (reason removed on upgrade: it may have quoted a server file)";
        List<AuditLog.Entry> entries = log.recent(0, 10);
        assertThat(entries).extracting(AuditLog.Entry::outcome).containsExactly("started as job execution 7",
                "refused: --block-size must be between 10 and 10000000", purged, purged);
        assertThat(entries.get(3).subject()).contains("@/srv/ace/pg_service.conf");
    }
}
