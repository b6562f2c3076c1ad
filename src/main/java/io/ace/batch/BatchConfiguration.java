package io.ace.batch;

import io.ace.batch.partition.PartitionClaims;
import io.ace.batch.partition.PartitionedSteps;
import io.ace.batch.partition.RemotePartitioning;
import io.ace.batch.partition.WorkerProcess;
import io.ace.batch.partition.WorkerRoster;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.SessionBudget;
import io.ace.config.AceProperties;
import io.ace.operation.OperationRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import io.ace.findings.FindingsStore;
import io.ace.report.HtmlReportWriter;
import io.ace.report.archive.ReportArchive;
import io.ace.report.archive.ReportRetention;
import java.nio.file.Path;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the batch layer: the findings store, the report archive, the launcher and the read models. */
@Configuration(proxyBeanMethods = false)
public class BatchConfiguration {

    @Bean
    FindingsStore findingsStore(DataSource dataSource, PlatformTransactionManager transactions) {
        return new FindingsStore(dataSource, transactions);
    }

    @Bean
    ClusterRegistry clusterRegistry(Environment environment, AceProperties properties) {
        // the environment covers process variables ($ACE_PGSERVICEFILE, $PGPASSFILE, ...) and same-named properties
        return new ClusterRegistry(environment::getProperty, Path.of(System.getProperty("user.home")), properties.defaultCluster());
    }

    @Bean
    RunMetrics runMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry r = registry.getIfAvailable();
        return r == null ? RunMetrics.unregistered() : new RunMetrics(r);
    }

    @Bean
    DiffProgress diffProgress(RunMetrics metrics) {
        return new DiffProgress(metrics);
    }

    @Bean
    HtmlReportWriter htmlReportWriter(AceProperties properties) {
        return new HtmlReportWriter(properties.reports().templatesDir());
    }

    /** Fails comparisons on purpose where {@code ace.testing} says, for tests of restarts and errors; without it, none. */
    @Bean
    BlockFailureInjector blockFailureInjector(AceProperties properties) {
        AceProperties.Testing testing = properties.testing();
        return testing == null ? BlockFailureInjector.NONE
                : new BlockFailureInjector(testing.failBeforeBlock(), testing.failInTable(), testing.failWith());
    }

    @Bean
    BatchResources batchResources(JobRepository repository, PlatformTransactionManager transactions, FindingsStore findings,
                                  HtmlReportWriter html, DiffProgress progress, ObjectProvider<BuildProperties> build, PartitionedSteps partitions,
                                  BlockFailureInjector failures, AceProperties properties) {
        return new BatchResources(repository, transactions, findings, html, progress, toolVersion(build), properties.maxPartitionWorkers(),
                failures, partitions, properties.home().resolve("plans"));
    }

    /** The version the build recorded; "dev" when run from classes that were not packaged. */
    private static String toolVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties props = build.getIfAvailable();
        return props == null ? "dev" : props.getVersion();
    }

    @Bean
    ReportArchive reportArchive(AceProperties properties) {
        return new ReportArchive(properties.archive().root(), properties.archive().retentionDays());
    }

    @Bean
    ReportsDirectory reportsDirectory(AceProperties properties, ReportArchive archive) {
        return new ReportsDirectory(properties.serve().outputDir(), archive.root(), properties.serve().enabled());
    }

    @Bean(destroyMethod = "close")
    ReportPruning reportPruning(AceProperties properties, ReportArchive archive, RunQueries queries) {
        AceProperties.Reports reports = properties.reports();
        ReportPruning pruning = new ReportPruning(new ReportRetention(properties.serve().outputDir(), archive, reports.retentionDays(),
                reports.maxTotalSize().toBytes()), queries);
        if (properties.serve().enabled()) {
            pruning.every(reports.pruneInterval());
        }
        return pruning;
    }

    @Bean
    RunArchiver runArchiver(ReportArchive archive, ObjectProvider<BuildProperties> build) {
        return new RunArchiver(archive, toolVersion(build));
    }

    /** The sessions every run of this process may hold to each node, together. */
    @Bean
    SessionBudget sessionBudget(AceProperties properties) {
        return new SessionBudget(properties.node().maxConnections(), properties.node().connectionWait());
    }

    /**
     * On SIGTERM (or any close of the application), before anything else shuts down: cancel the
     * statements the runs have running on the nodes, which would otherwise run to their end.
     */
    @Bean
    ApplicationListener<ContextClosedEvent> cancelNodeStatementsOnClose(SessionBudget budget) {
        return event -> budget.cancelAndRefuse();
    }

    @Bean
    RunLauncher runLauncher(JobOperator operator, JobRepository repository, OperationRegistry operations, ClusterRegistry clusters,
                            RunArchiver archiver, RunMetrics metrics, SessionBudget budget, FindingsStore findings,
                            RemotePartitioning partitioning) {
        return new RunLauncher(operator, repository, operations, clusters, archiver, metrics, budget, new FindingsRetention(findings),
                partitioning);
    }

    @Bean
    RunQueries runQueries(DataSource dataSource, JobRepository repository, PartitionClaims claims) {
        return new RunQueries(dataSource, repository, claims);
    }

    /** What a worker process runs: the launches of the partitions it takes, rebuilt here. */
    @Bean
    WorkerLaunches workerLaunches(OperationRegistry operations, ClusterRegistry clusters, SessionBudget budget) {
        return new WorkerLaunches(operations, clusters, budget);
    }

    @Bean
    Workers workers(WorkerRoster roster, PartitionClaims claims, WorkerProcess process, RemotePartitioning partitioning,
                    AceProperties properties) {
        return new Workers(roster, claims, process, partitioning.sharedRepository(), properties.partitioning().workerTimeout());
    }

    @Bean
    JobControl jobControl(JobRepository repository, JobOperator operator, RunLauncher launcher, RunQueries queries,
                          OperationRegistry operations, ReportArchive archive, ReportsDirectory reports) {
        return new JobControl(repository, operator, launcher, queries, operations, archive, reports);
    }

    @Bean(destroyMethod = "close")
    RunSubmitter runSubmitter(RunLauncher launcher, AceProperties properties) {
        return new RunSubmitter(launcher, properties.serve().maxRuns(), properties.serve().maxPausedRuns());
    }
}
