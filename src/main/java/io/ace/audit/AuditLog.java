package io.ace.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who launched, stopped, restarted, recovered, abandoned or repaired what, and when: kept in the
 * job repository's database beside the executions it names, so the trail survives the process.
 */
public final class AuditLog {

    /**
     * One action.
     *
     * @param at          when
     * @param actor       the user (or {@code scheduler:<name>}, or {@code cli:<os user>})
     * @param action      launch, stop, restart, recover, abandon, ...
     * @param subject     what it acted on: {@code table-diff local public.orders}, an execution, ...
     * @param executionId the execution it started or acted on, or null
     * @param outcome     accepted, or the refusal/error in one line
     */
    public record Entry(Instant at, String actor, String action, String subject, Long executionId, String outcome) {
    }

    private final JdbcTemplate jdbc;

    public AuditLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void record(String actor, String action, String subject, Long executionId, String outcome) {
        jdbc.update("INSERT INTO ACE_AUDIT (AT, ACTOR, ACTION, SUBJECT, EXECUTION_ID, OUTCOME) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(Instant.now()), clip(actor, 200), clip(action, 40), clip(subject, 2000), executionId, clip(outcome, 2000));
    }

    /** Newest first. */
    public List<Entry> recent(int offset, int limit) {
        return jdbc.query("SELECT AT, ACTOR, ACTION, SUBJECT, EXECUTION_ID, OUTCOME FROM ACE_AUDIT ORDER BY ID DESC"
                + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", (rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                rs.getString(3), rs.getString(4), (Long) rs.getObject(5, Long.class), rs.getString(6)), offset, limit);
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
