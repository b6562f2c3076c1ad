package io.ace.batch.partition;

import io.ace.repository.RepositoryDatabase;
import io.ace.repository.SchemaLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires remote partitioning: the claims and worker tables (in any repository), the channel's
 * message store tables (PostgreSQL only: the schema Spring Integration ships), and the manager's
 * and the worker's sides.
 */
@Configuration(proxyBeanMethods = false)
public class PartitioningConfiguration {

    /** Spring Integration's own schema of its JDBC message stores, for PostgreSQL. */
    private static final String CHANNEL_SCHEMA = "org/springframework/integration/jdbc/schema-postgresql.sql";

    @Bean
    PartitionClaims partitionClaims(DataSource dataSource) {
        PartitionClaims claims = new PartitionClaims(dataSource);
        SchemaLock.around(dataSource, claims::createSchema);
        return claims;
    }

    @Bean
    WorkerRoster workerRoster(DataSource dataSource) {
        WorkerRoster roster = new WorkerRoster(dataSource);
        SchemaLock.around(dataSource, roster::createSchema);
        return roster;
    }

    @Bean
    PartitionDispatch partitionDispatch(PartitionClaims claims, DataSource dataSource, ListableBeanFactory beans, JobRepository repository,
                                        PlatformTransactionManager transactions) {
        return new PartitionDispatch(claims, new PartitionChannels(dataSource, beans), repository, transactions);
    }

    @Bean
    RemotePartitioning remotePartitioning(PartitionDispatch dispatch, WorkerRoster roster, DataSource dataSource,
                                          @Value("${ace.partitioning:local}") String partitioning,
                                          @Value("${ace.partitioning.poll-interval:500ms}") Duration pollInterval,
                                          @Value("${ace.partitioning.worker-timeout:30s}") Duration workerTimeout) throws SQLException {
        if (!partitioning.equals("local") && !partitioning.equals("remote")) {
            throw new IllegalArgumentException("ace.partitioning must be local or remote, got '" + partitioning + "'");
        }
        boolean postgres = RepositoryDatabase.isPostgres(dataSource);
        if (postgres) {
            createChannelSchema(dataSource);
        }
        return new RemotePartitioning(dispatch, roster, new RemotePartitioning.Settings(partitioning.equals("remote"), postgres,
                pollInterval, workerTimeout));
    }

    @Bean
    PartitionedSteps partitionedSteps(JobRepository repository, RemotePartitioning remote) {
        return new PartitionedSteps(repository, remote);
    }

    @Bean(destroyMethod = "close")
    WorkerProcess workerProcess(PartitionDispatch dispatch, WorkerRoster roster, PartitionStepSource source,
                                @Value("${ace.worker.poll-interval:500ms}") Duration pollInterval,
                                @Value("${ace.worker.heartbeat-interval:5s}") Duration heartbeatInterval,
                                @Value("${ace.worker.stop-wait:20s}") Duration stopWait,
                                @Value("${ace.partitioning.worker-timeout:30s}") Duration keepLaunches) {
        return new WorkerProcess(dispatch, roster, source, new WorkerProcess.Settings(pollInterval, heartbeatInterval, stopWait, keepLaunches));
    }

    /** The channel's tables, created once per database however many processes start together. */
    private static void createChannelSchema(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        SchemaLock.around(dataSource, () -> {
            if (jdbc.queryForObject("SELECT to_regclass('int_channel_message') IS NULL", Boolean.class)) {
                jdbc.execute((Connection c) -> {
                    ScriptUtils.executeSqlScript(c, new ClassPathResource(CHANNEL_SCHEMA));
                    return null;
                });
            }
        });
    }
}
