package io.ace.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.LocalCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Processes that start together on a new PostgreSQL repository (serve and its workers) migrate it
 * one at a time: every one starts, and the history is the migrations', with no baseline.
 */
class ConcurrentMigrationTest {

    @Test
    void fourProcessesStartingAtOnceAllStartAndMigrateOnce() throws Exception {
        String url = LocalCluster.repositoryServer().newDatabase("migration_race");
        ExecutorService processes = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                started.add(processes.submit(() -> {
                    DataSource repository = new DriverManagerDataSource(url, "ace", LocalCluster.PASSWORD);
                    MigrationLock.around(repository, () -> RepositorySchema.flyway(repository, null).migrate());
                }));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } finally {
            processes.shutdownNow();
        }
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "ace", LocalCluster.PASSWORD));
        assertThat(jdbc.queryForList("SELECT version FROM ace_schema_history WHERE version IS NOT NULL ORDER BY installed_rank", String.class))
                .containsExactly("1", "1.1", "2", "2.1", "3");
    }
}
