package io.ace.batch.partition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row per partition sent to workers ({@code ACE_PARTITION_CLAIM}): its region, whether it
 * waits in the channel, runs on a worker, or ended, and which worker holds it. Every change is a
 * conditional update that only one process can win, so a partition is never held by two workers.
 */
public final class PartitionClaims {

    /** Where a partition stands. */
    public enum State {
        /** Its request is in the channel. */
        QUEUED,
        /** A worker took it. */
        RUNNING,
        /** Its worker is done with it, whatever the outcome. */
        ENDED,
        /** No worker took it (the manager gave up, or the run stopped). */
        ABANDONED
    }

    /**
     * A partition as the manager watches it.
     *
     * @param stepStatus      the partition's batch status as the repository has it
     * @param heartbeat       its worker's last heartbeat, null when it has none (or the worker row is gone)
     * @param workerStopped   whether its worker stopped (gracefully)
     */
    public record Watched(long stepExecutionId, String stepStatus, State state, String workerId, String region,
                          OffsetDateTime heartbeat, boolean workerStopped) {
    }

    /** Every partition of a job execution sent to workers, the job's status, and the database's clock. */
    public record Watch(List<Watched> partitions, String jobStatus, OffsetDateTime now) {
    }

    /** A partition's row, for the one that sends it again. */
    public record Claim(long stepExecutionId, String workerStep, String region) {
    }

    private static final String TABLE = "ACE_PARTITION_CLAIM";

    private final JdbcTemplate jdbc;

    public PartitionClaims(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Records partitions whose requests are being sent (in the sender's transaction). */
    void queue(long jobExecutionId, List<Claim> claims) {
        jdbc.batchUpdate("INSERT INTO " + TABLE + " (STEP_EXECUTION_ID, JOB_EXECUTION_ID, WORKER_STEP, REGION, STATE, SENT, QUEUED_AT)"
                        + " VALUES (?, ?, ?, ?, 'QUEUED', 1, CURRENT_TIMESTAMP)",
                claims.stream().map(c -> new Object[] {c.stepExecutionId(), jobExecutionId, c.workerStep(), c.region()}).toList());
    }

    /**
     * Takes a queued partition for a worker; false when it is not queued (taken, or given up), or
     * the request does not name the run, step and region the partition was queued with.
     */
    boolean claim(PartitionRequest request, String workerId) {
        return jdbc.update("UPDATE " + TABLE + " SET STATE = 'RUNNING', WORKER_ID = ?, CLAIMED_AT = CURRENT_TIMESTAMP"
                + " WHERE STEP_EXECUTION_ID = ? AND STATE = 'QUEUED' AND JOB_EXECUTION_ID = ? AND WORKER_STEP = ?"
                + " AND COALESCE(REGION, '') = ?", workerId, request.stepExecutionId(), request.jobExecutionId(), request.stepName(),
                Objects.requireNonNullElse(request.region(), "")) == 1;
    }

    /** Whether the worker still holds the partition. */
    boolean holds(long stepExecutionId, String workerId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM " + TABLE + " WHERE STEP_EXECUTION_ID = ? AND WORKER_ID = ? AND STATE = 'RUNNING'",
                Integer.class, stepExecutionId, workerId);
        return n != null && n == 1;
    }

    /** The worker is done with the partition; false when it no longer held it. */
    boolean end(long stepExecutionId, String workerId) {
        return jdbc.update("UPDATE " + TABLE + " SET STATE = 'ENDED', ENDED_AT = CURRENT_TIMESTAMP"
                + " WHERE STEP_EXECUTION_ID = ? AND WORKER_ID = ? AND STATE = 'RUNNING'", stepExecutionId, workerId) == 1;
    }

    /**
     * Takes the partition back from the worker that holds it, to send it again; the worker is
     * remembered as {@code why} ({@code host:pid:... (lost)}). Empty when that worker no longer held it.
     */
    Optional<Claim> requeue(long stepExecutionId, String workerId, String why) {
        int n = jdbc.update("UPDATE " + TABLE + " SET STATE = 'QUEUED', WORKER_ID = NULL, SENT = SENT + 1, QUEUED_AT = CURRENT_TIMESTAMP,"
                + " CLAIMED_AT = NULL, EARLIER_WORKERS = CASE WHEN EARLIER_WORKERS IS NULL THEN ? ELSE EARLIER_WORKERS || ', ' || ? END"
                + " WHERE STEP_EXECUTION_ID = ? AND WORKER_ID = ? AND STATE = 'RUNNING'", why, why, stepExecutionId, workerId);
        if (n == 0) {
            return Optional.empty();
        }
        return jdbc.query("SELECT STEP_EXECUTION_ID, WORKER_STEP, REGION FROM " + TABLE + " WHERE STEP_EXECUTION_ID = ?",
                (rs, i) -> new Claim(rs.getLong(1), rs.getString(2), rs.getString(3)), stepExecutionId).stream().findFirst();
    }

    /** Gives up a partition no worker took; false when a worker took it meanwhile. */
    boolean abandon(long stepExecutionId) {
        return jdbc.update("UPDATE " + TABLE + " SET STATE = 'ABANDONED', ENDED_AT = CURRENT_TIMESTAMP"
                + " WHERE STEP_EXECUTION_ID = ? AND STATE = 'QUEUED'", stepExecutionId) == 1;
    }

    /** Every partition of the job execution sent to workers, with its worker's heartbeat, read in one statement. */
    Watch watch(long jobExecutionId) {
        String[] jobStatus = {null};
        OffsetDateTime[] now = {null};
        List<Watched> rows = jdbc.query("SELECT C.STEP_EXECUTION_ID, S.STATUS, C.STATE, C.WORKER_ID, C.REGION, W.HEARTBEAT, W.STOPPED,"
                + " J.STATUS, CURRENT_TIMESTAMP FROM " + TABLE + " C"
                + " JOIN BATCH_STEP_EXECUTION S ON S.STEP_EXECUTION_ID = C.STEP_EXECUTION_ID"
                + " JOIN BATCH_JOB_EXECUTION J ON J.JOB_EXECUTION_ID = C.JOB_EXECUTION_ID"
                + " LEFT JOIN ACE_WORKER W ON W.WORKER_ID = C.WORKER_ID WHERE C.JOB_EXECUTION_ID = ?", (rs, i) -> {
                    jobStatus[0] = rs.getString(8);
                    now[0] = rs.getObject(9, OffsetDateTime.class);
                    return new Watched(rs.getLong(1), rs.getString(2), State.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class) != null);
                }, jobExecutionId);
        if (now[0] == null) {
            now[0] = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
        }
        return new Watch(rows, jobStatus[0], now[0]);
    }

    /**
     * Who ran (or runs) each partition of a job execution that went to workers, as the executions
     * page shows it: the worker, then the ones it was taken from.
     */
    public Map<Long, String> workersOf(long jobExecutionId) {
        Map<Long, String> workers = new HashMap<>();
        jdbc.query("SELECT STEP_EXECUTION_ID, STATE, WORKER_ID, EARLIER_WORKERS FROM " + TABLE + " WHERE JOB_EXECUTION_ID = ?",
                (ResultSet rs) -> {
                    workers.put(rs.getLong(1), shown(rs));
                }, jobExecutionId);
        return workers;
    }

    private static String shown(ResultSet rs) throws SQLException {
        String worker = rs.getString(3);
        String earlier = rs.getString(4);
        String now = worker != null ? worker : rs.getString(2).equals(State.QUEUED.name()) ? "queued" : "no worker";
        return earlier == null ? now : now + " (after " + earlier + ")";
    }

    /**
     * The partitions each worker holds now: worker id to {@code execution 12 hash-partition:partition-000003}.
     */
    public Map<String, List<String>> running() {
        Map<String, List<String>> held = new HashMap<>();
        jdbc.query("SELECT C.WORKER_ID, C.JOB_EXECUTION_ID, S.STEP_NAME FROM " + TABLE + " C"
                + " JOIN BATCH_STEP_EXECUTION S ON S.STEP_EXECUTION_ID = C.STEP_EXECUTION_ID"
                + " WHERE C.STATE = 'RUNNING' ORDER BY C.STEP_EXECUTION_ID", (ResultSet rs) -> {
                    held.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add("execution " + rs.getLong(2) + " " + rs.getString(3));
                });
        return held;
    }
}
