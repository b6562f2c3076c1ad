package io.ace.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Serializes the creation of the repository's own tables between processes that start at the
 * same moment (a serve process and its workers, two workers): on PostgreSQL two concurrent
 * {@code CREATE TABLE IF NOT EXISTS} of one table can both pass the check, and the second then
 * fails on the catalog's unique index, ending that process at startup. A session-level advisory
 * lock is held on a connection of its own while the statements run on others, so the second
 * process finds the tables the first committed. Other databases (the embedded H2 file) serialize
 * their DDL themselves.
 */
public final class SchemaLock {

    /** One lock for every table of the repository: creating them is quick and happens once per start. */
    private static final long KEY = 0x4143455f5343484dL;

    private SchemaLock() {
    }

    /** Runs {@code ddl} while no other process creates repository tables. */
    public static void around(DataSource dataSource, Runnable ddl) {
        try (Connection lock = dataSource.getConnection()) {
            boolean postgres = RepositoryDatabase.isPostgres(lock);
            if (postgres) {
                execute(lock, "SELECT pg_advisory_lock(" + KEY + ")");
            }
            try {
                ddl.run();
            } finally {
                if (postgres) {
                    execute(lock, "SELECT pg_advisory_unlock(" + KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the job repository's tables: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
