package io.ace.repository;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database holds the job repository: PostgreSQL (shared, for serve and workers) or the embedded H2 file. */
public final class RepositoryDatabase {

    private RepositoryDatabase() {
    }

    public static boolean isPostgres(Connection c) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
    }

    public static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return isPostgres(c);
        }
    }
}
