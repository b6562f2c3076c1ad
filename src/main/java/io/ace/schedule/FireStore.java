package io.ace.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fires of every schedule, kept in the job repository's database (H2 or PostgreSQL, so only
 * SQL both accept) next to the executions they launched. The last recorded fire of a schedule is
 * where the scheduler resumes counting missed fires after a restart.
 */
public final class FireStore {

    private static final int MAX_MESSAGE = 4000;
    private static final String COLUMNS = "SCHEDULE_NAME, FIRE_LOCAL, OUTCOME, JOB_EXECUTION_ID, MESSAGE, RECORDED_AT";

    private final JdbcTemplate jdbc;

    public FireStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void record(FireRecord fire) {
        String message = fire.message().length() > MAX_MESSAGE ? fire.message().substring(0, MAX_MESSAGE) : fire.message();
        jdbc.update("INSERT INTO ACE_SCHEDULE_FIRE (FIRE_TIME, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                fire.fireTime().withOffsetSameInstant(ZoneOffset.UTC), fire.scheduleName(), fire.fireTime().toString(),
                fire.outcome().name(), fire.executionId(), message, fire.recordedAt().atOffset(ZoneOffset.UTC));
    }

    /** The schedule's latest fire, or null when it never fired. */
    public FireRecord lastFire(String scheduleName) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ACE_SCHEDULE_FIRE WHERE SCHEDULE_NAME = ? ORDER BY FIRE_TIME DESC, FIRE_ID DESC"
                + " FETCH FIRST 1 ROWS ONLY", (rs, i) -> fire(rs), scheduleName).stream().findFirst().orElse(null);
    }

    /** The latest fires of all schedules, newest fire time first. */
    public List<FireRecord> recentFires(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM ACE_SCHEDULE_FIRE ORDER BY FIRE_TIME DESC, FIRE_ID DESC FETCH FIRST " + limit
                + " ROWS ONLY", (rs, i) -> fire(rs));
    }

    private static FireRecord fire(ResultSet rs) throws SQLException {
        long id = rs.getLong(4);
        Long executionId = rs.wasNull() ? null : id;
        return new FireRecord(rs.getString(1), OffsetDateTime.parse(rs.getString(2)), FireOutcome.valueOf(rs.getString(3)),
                executionId, rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant());
    }
}
