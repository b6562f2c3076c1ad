package io.ace.batch.partition;

import io.ace.repository.RepositoryDatabase;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires remote partitioning: the claims and worker tables (in any repository), the channel's
 * message store tables (PostgreSQL only: the schema Spring Integration ships), and the manager's
 * and the worker's sides.
 */
@Configuration(proxyBeanMethods = false)
public class PartitioningConfiguration {

    @Bean
    PartitionClaims partitionClaims(DataSource dataSource) {
        return new PartitionClaims(dataSource);
    }

    @Bean
    WorkerRoster workerRoster(DataSource dataSource) {
        return new WorkerRoster(dataSource);
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
}
