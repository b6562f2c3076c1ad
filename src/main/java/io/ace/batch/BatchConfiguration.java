package io.ace.batch;

import io.ace.batch.partition.PartitionClaims;
import io.ace.batch.partition.PartitionedSteps;
import io.ace.batch.partition.RemotePartitioning;
import io.ace.batch.partition.WorkerProcess;
import io.ace.batch.partition.WorkerRoster;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.SessionBudget;
import io.ace.operation.OperationRegistry;
import java.time.Duration;
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
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.dao.JacksonExecutionContextStringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the batch layer: the job repository's JSON contexts, the findings store, the report archive, the launcher and the read models. */
@Configuration(proxyBeanMethods = false)
public class BatchConfiguration {

    /** Execution contexts stored as readable JSON rather than Java serialization. */
    @Bean
    ExecutionContextSerializer executionContextSerializer() {
        return new JacksonExecutionContextStringSerializer();
    }

    @Bean
    FindingsStore findingsStore(DataSource dataSource, PlatformTransactionManager transactions) {
        return new FindingsStore(dataSource, transactions);
    }

    @Bean
    ClusterRegistry clusterRegistry(Environment environment, @Value("${ace.default-cluster:}") String defaultCluster) {
        // the environment covers process variables ($ACE_PGSERVICEFILE, $PGPASSFILE, ...) and same-named properties
        return new ClusterRegistry(environment::getProperty, Path.of(System.getProperty("user.home")), defaultCluster);
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
    HtmlReportWriter htmlReportWriter(@Value("${ace.reports.templates-dir:reports-templates}") Path templatesDir) {
        return new HtmlReportWriter(templatesDir);
    }

    @Bean
    BatchResources batchResources(JobRepository repository, PlatformTransactionManager transactions, FindingsStore findings,
                                  HtmlReportWriter html, DiffProgress progress, ObjectProvider<BuildProperties> build, PartitionedSteps partitions,
                                  @Value("${ace.max-partition-workers:8}") int maxPartitionWorkers,
                                  @Value("${ace.testing.fail-before-block:-1}") int failBeforeBlock,
                                  @Value("${ace.testing.fail-in-table:}") String failInTable,
                                  @Value("${ace.testing.fail-with:exception}") String failWith) {
        return new BatchResources(repository, transactions, findings, html, progress, toolVersion(build), maxPartitionWorkers,
                failBeforeBlock, failInTable, failWith, partitions);
    }

    /** The version the build recorded; "dev" when run from classes that were not packaged. */
    private static String toolVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties props = build.getIfAvailable();
        return props == null ? "dev" : props.getVersion();
    }

    @Bean
    ReportArchive reportArchive(@Value("${ace.archive.root}") Path root, @Value("${ace.archive.retention-days}") int retentionDays) {
        return new ReportArchive(root, retentionDays);
    }

    @Bean
    ReportsDirectory reportsDirectory(@Value("${ace.serve.output-dir}") Path reports, ReportArchive archive,
                                      @Value("${ace.serve.enabled:false}") boolean serve) {
        return new ReportsDirectory(reports, archive.root(), serve);
    }

    @Bean(destroyMethod = "close")
    ReportPruning reportPruning(@Value("${ace.serve.output-dir}") Path reports, ReportArchive archive, RunQueries queries,
                                @Value("${ace.reports.retention-days}") int retentionDays,
                                @Value("${ace.reports.max-total-size}") DataSize maxTotalSize,
                                @Value("${ace.serve.enabled:false}") boolean serve,
                                @Value("${ace.reports.prune-interval:1h}") Duration interval) {
        ReportPruning pruning = new ReportPruning(new ReportRetention(reports, archive, retentionDays, maxTotalSize.toBytes()), queries);
        if (serve) {
            pruning.every(interval);
        }
        return pruning;
    }

    @Bean
    RunArchiver runArchiver(ReportArchive archive, ObjectProvider<BuildProperties> build) {
        return new RunArchiver(archive, toolVersion(build));
    }

    /** The sessions every run of this process may hold to each node, together. */
    @Bean
    SessionBudget sessionBudget(@Value("${ace.node.max-connections}") int perNode, @Value("${ace.node.connection-wait}") Duration wait) {
        return new SessionBudget(perNode, wait);
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
                    @Value("${ace.partitioning.worker-timeout:30s}") Duration timeout) {
        return new Workers(roster, claims, process, partitioning.sharedRepository(), timeout);
    }

    @Bean
    JobControl jobControl(JobRepository repository, JobOperator operator, RunLauncher launcher, RunQueries queries,
                          OperationRegistry operations, ReportArchive archive, ReportsDirectory reports) {
        return new JobControl(repository, operator, launcher, queries, operations, archive, reports);
    }

    @Bean(destroyMethod = "close")
    RunSubmitter runSubmitter(RunLauncher launcher, @Value("${ace.serve.max-runs:4}") int maxRuns,
                              @Value("${ace.serve.max-paused-runs:4}") int maxPaused) {
        return new RunSubmitter(launcher, maxRuns, maxPaused);
    }
}
