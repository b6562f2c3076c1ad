package io.ace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;


/** A repository whose audit log holds refusals that quoted a server file is cleaned when this version starts on it. */
@Tag("fast")
class AuditLogPurgeTest {

    @Test
    void refusalsOfAtFileAndSmuggledFlagLaunchesLoseTheirTextAndNothingElse() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit-purge;DB_CLOSE_DELAY=-1");
        AuditLog log = new AuditLog(h2);
        log.createSchema();
        // as an earlier version recorded them
        log.record("operator", "launch", "scripts/ace table-diff local @/srv/ace/pg_service.conf", null,
                "refused: expected [CLUSTER] SCHEMA.TABLE, got: local [local] host=127.0.0.1 user=ace password=s3cret");
        log.record("operator", "launch", "scripts/ace table-rerun local public.t --diff-file=/etc/passwd", null,
                "refused: --diff-file /etc/passwd is malformed or truncated at line 1: root:x:0:0");
        log.record("operator", "launch", "scripts/ace table-diff local public.t --block-size 5", null,
                "refused: --block-size must be between 10 and 10000000");
        log.record("operator", "launch", "scripts/ace table-diff local public.t", 7L, "started as job execution 7");

        assertThat(log.purgeLeakedRefusals()).isEqualTo(2);
        assertThat(log.purgeLeakedRefusals()).isZero();
        List<AuditLog.Entry> entries = log.recent(0, 10);
        assertThat(entries).extracting(AuditLog.Entry::outcome).containsExactly("started as job execution 7",
                "refused: --block-size must be between 10 and 10000000", AuditLog.PURGED, AuditLog.PURGED);
        assertThat(entries).allSatisfy(e -> assertThat(e.outcome()).doesNotContain("s3cret").doesNotContain("root:x"));
        assertThat(entries.get(3).subject()).contains("@/srv/ace/pg_service.conf");
    }
}
