package io.ace.batch.partition;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The worker processes that serve this job repository ({@code ACE_WORKER}): one row each, its
 * heartbeat renewed every few seconds, so the manager knows which workers are alive (by the
 * database's clock, the same for every machine).
 */
public final class WorkerRoster {

    /**
     * One worker process as its row says.
     *
     * @param now the database's clock when the row was read, to tell the heartbeat's age
     */
    public record Row(String id, String host, long pid, String region, int concurrency, OffsetDateTime started, OffsetDateTime heartbeat,
                      OffsetDateTime stopped, OffsetDateTime now) {

        /** Whether it heartbeat within {@code timeout} and has not stopped. */
        public boolean alive(Duration timeout) {
            return stopped == null && heartbeat.isAfter(now.minus(timeout));
        }
    }

    private static final String TABLE = "ACE_WORKER";
    private static final String COLUMNS = "WORKER_ID, HOST, PID, REGION, CONCURRENCY, STARTED, HEARTBEAT, STOPPED, CURRENT_TIMESTAMP";

    private final JdbcTemplate jdbc;

    public WorkerRoster(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void register(String id, String host, long pid, String region, int concurrency) {
        jdbc.update("INSERT INTO " + TABLE + " (WORKER_ID, HOST, PID, REGION, CONCURRENCY, STARTED, HEARTBEAT)"
                + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", id, host, pid, region, concurrency);
    }

    /** Renews the worker's heartbeat; false when its row is gone. */
    boolean heartbeat(String id) {
        return jdbc.update("UPDATE " + TABLE + " SET HEARTBEAT = CURRENT_TIMESTAMP WHERE WORKER_ID = ? AND STOPPED IS NULL", id) == 1;
    }

    void stopped(String id) {
        jdbc.update("UPDATE " + TABLE + " SET STOPPED = CURRENT_TIMESTAMP WHERE WORKER_ID = ?", id);
    }

    /** Forgets workers not heard of for {@code age}: stopped or lost long ago. */
    void forget(Duration age) {
        OffsetDateTime now = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
        jdbc.update("DELETE FROM " + TABLE + " WHERE HEARTBEAT < ?", now.minus(age));
    }

    /** Every worker, newest first. */
    public List<Row> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY STARTED DESC, WORKER_ID", (rs, i) -> new Row(rs.getString(1),
                rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getObject(6, OffsetDateTime.class),
                rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)));
    }
}
