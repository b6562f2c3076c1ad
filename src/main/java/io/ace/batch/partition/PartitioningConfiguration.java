package io.ace.batch.partition;

import io.ace.config.AceProperties;
import io.ace.repository.RepositoryDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ListableBeanFactory;
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
                                          AceProperties properties) throws SQLException {
        AceProperties.Partitioning partitioning = properties.partitioning();
        boolean postgres = RepositoryDatabase.isPostgres(dataSource);
        boolean remote = partitioning.mode() == AceProperties.Partitioning.Mode.REMOTE;
        return new RemotePartitioning(dispatch, roster, new RemotePartitioning.Settings(remote, postgres, partitioning.pollInterval(),
                partitioning.workerTimeout()));
    }

    @Bean
    PartitionedSteps partitionedSteps(JobRepository repository, RemotePartitioning remote) {
        return new PartitionedSteps(repository, remote);
    }

    @Bean(destroyMethod = "close")
    WorkerProcess workerProcess(PartitionDispatch dispatch, WorkerRoster roster, PartitionStepSource source, AceProperties properties) {
        AceProperties.Worker worker = properties.worker();
        return new WorkerProcess(dispatch, roster, source, new WorkerProcess.Settings(worker.pollInterval(), worker.heartbeatInterval(),
                worker.stopWait(), properties.partitioning().workerTimeout()));
    }
}
