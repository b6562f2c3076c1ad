package io.ace.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * The job repository's schema: the batch tables and ACE's own, versioned by one Flyway history
 * ({@value #HISTORY}) of SQL migrations per database ({@code db/migration/common}, {@code h2},
 * {@code postgresql}) and Java ones ({@code repository.migration}, {@code findings.migration}). A
 * repository made before the history existed is taken as version {@value #BASELINE}.
 *
 * <p>Brought up to date as the application starts, before anything reads the repository (Spring
 * Boot orders it first: {@link RepositorySchemaDetector}). A repository that already records this
 * build's newest migration is left alone without loading Flyway, which would cost 0.6 s of every
 * command's start to find nothing to do; otherwise Flyway migrates, one process at a time.
 */
public final class RepositorySchema implements InitializingBean {

    /** The newest migration this build ships: {@code RepositoryMigrationsTest} checks it against the migrations themselves. */
    static final String NEWEST = "3";
    static final String HISTORY = "ace_schema_history";
    private static final String BASELINE = "1";
    private static final String[] LOCATIONS = {"classpath:db/migration/common", "classpath:db/migration/%s",
        "classpath:io/ace/repository/migration", "classpath:io/ace/findings/migration"};

    private final DataSource dataSource;

    public RepositorySchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        migrate(dataSource);
    }

    /** Brings a repository to this build's schema, unless it is there already. */
    public static void migrate(DataSource dataSource) {
        if (!current(dataSource)) {
            MigrationLock.around(dataSource, () -> flyway(dataSource, null).migrate());
        }
    }

    /** Flyway on the repository's migrations up to {@code target} (null: every one). */
    public static Flyway flyway(DataSource dataSource, String target) {
        String vendor;
        try {
            vendor = RepositoryDatabase.isPostgres(dataSource) ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the job repository: " + e.getMessage(), e);
        }
        String[] locations = new String[LOCATIONS.length];
        for (int i = 0; i < LOCATIONS.length; i++) {
            locations[i] = String.format(LOCATIONS[i], vendor);
        }
        var configuration = Flyway.configure().dataSource(dataSource).locations(locations).table(HISTORY).baselineOnMigrate(true)
                .baselineVersion(BASELINE).baselineDescription("repository of an earlier version");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    /** Whether the history records the newest migration as applied; a repository without a history is not current. */
    static boolean current(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT 1 FROM \"" + HISTORY + "\" WHERE \"version\" = ? AND \"success\"")) {
            st.setString(1, NEWEST);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }
}
