package io.ace.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Serializes the repository's migrations between processes that start at the same moment (a
 * serve process and its workers, two workers). Flyway locks while it migrates, but not while it
 * decides whether a database without its history must be baselined: two processes on a new
 * PostgreSQL repository could both decide, and the second then refuses the history table the
 * first just created. A session-level advisory lock is held on a connection of its own around the
 * whole migration; the embedded H2 file serializes its DDL itself.
 */
public final class MigrationLock {

    /** One lock for the repository's schema: migrating takes a moment and happens once per version. */
    private static final long KEY = 0x4143455f5343484dL;

    private MigrationLock() {
    }

    /** Runs {@code migration} while no other process migrates this repository. */
    public static void around(DataSource dataSource, Runnable migration) {
        try (Connection lock = dataSource.getConnection()) {
            boolean postgres = RepositoryDatabase.isPostgres(lock);
            if (postgres) {
                execute(lock, "SELECT pg_advisory_lock(" + KEY + ")");
            }
            try {
                migration.run();
            } finally {
                if (postgres) {
                    execute(lock, "SELECT pg_advisory_unlock(" + KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the job repository: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
