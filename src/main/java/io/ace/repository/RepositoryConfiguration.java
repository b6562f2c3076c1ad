package io.ace.repository;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The repository's migrations run one process at a time. */
@Configuration(proxyBeanMethods = false)
public class RepositoryConfiguration {

    @Bean
    FlywayMigrationStrategy serializedMigrations() {
        return flyway -> MigrationLock.around(flyway.getConfiguration().getDataSource(), flyway::migrate);
    }
}
