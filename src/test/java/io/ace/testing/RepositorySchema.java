package io.ace.testing;

import java.io.IOException;
import java.io.InputStream;
import io.ace.repository.RepositoryDatabase;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The job repository's migrations run on a database as the application runs them (its application.properties). */
public final class RepositorySchema {

    private RepositorySchema() {
    }

    /** Flyway as the application configures it, up to {@code target} (null: every migration). */
    public static Flyway flyway(DataSource dataSource, String target) {
        Properties app = new Properties();
        try (InputStream in = RepositorySchema.class.getResourceAsStream("/application.properties")) {
            app.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // {vendor} is Spring Boot's placeholder, resolved from the database as Boot resolves it
        String vendor;
        try {
            vendor = RepositoryDatabase.isPostgres(dataSource) ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String[] locations = app.getProperty("spring.flyway.locations").replace("{vendor}", vendor).split(",");
        var config = Flyway.configure().dataSource(dataSource).locations(locations)
                .table(app.getProperty("spring.flyway.table")).baselineOnMigrate(true)
                .baselineVersion(app.getProperty("spring.flyway.baseline-version"));
        return (target == null ? config : config.target(target)).load();
    }

    /** Every migration, as a start of the application does. */
    public static void migrate(DataSource dataSource) {
        flyway(dataSource, null).migrate();
    }
}
