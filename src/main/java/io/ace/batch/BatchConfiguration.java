package io.ace.batch;

import io.ace.cluster.ClusterRegistry;
import io.ace.findings.FindingsStore;
import io.ace.report.HtmlReportWriter;
import io.ace.report.archive.ReportArchive;
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
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the batch layer: the job repository's JSON contexts, the findings store, the report archive and the launchers. */
@Configuration(proxyBeanMethods = false)
public class BatchConfiguration {

    /** Execution contexts stored as readable JSON rather than Java serialization. */
    @Bean
    ExecutionContextSerializer executionContextSerializer() {
        return new JacksonExecutionContextStringSerializer();
    }

    @Bean
    FindingsStore findingsStore(DataSource dataSource, PlatformTransactionManager transactions) {
        FindingsStore store = new FindingsStore(dataSource, transactions);
        store.createSchema();
        return store;
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
    TableDiffJobFactory tableDiffJobFactory(JobRepository repository, PlatformTransactionManager transactions,
                                            FindingsStore findings, DiffProgress progress,
                                            HtmlReportWriter html, ObjectProvider<BuildProperties> build,
                                            @Value("${ace.testing.fail-before-block:-1}") int failBeforeBlock,
                                            @Value("${ace.testing.fail-with:exception}") BlockFailureInjector.Failure failWith) {
        return new TableDiffJobFactory(repository, transactions, findings, progress, html,
                new BlockFailureInjector(failBeforeBlock, failWith), toolVersion(build));
    }

    /** The version the build recorded; "dev" when run from classes that were not packaged. */
    private static String toolVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties props = build.getIfAvailable();
        return props == null ? "dev" : props.getVersion();
    }

    @Bean
    RepairJobFactory repairJobFactory(JobRepository repository, PlatformTransactionManager transactions, FindingsStore findings,
                                      HtmlReportWriter html) {
        return new RepairJobFactory(repository, transactions, findings, html);
    }

    @Bean
    RerunJobFactory rerunJobFactory(JobRepository repository, PlatformTransactionManager transactions, FindingsStore findings) {
        return new RerunJobFactory(repository, transactions, findings);
    }

    @Bean
    ReportArchive reportArchive(@Value("${ace.archive.root}") Path root, @Value("${ace.archive.retention-days}") int retentionDays) {
        return new ReportArchive(root, retentionDays);
    }

    @Bean
    RunArchiver runArchiver(ReportArchive archive, ObjectProvider<BuildProperties> build) {
        return new RunArchiver(archive, toolVersion(build));
    }

    @Bean
    RunLauncher runLauncher(JobOperator operator, JobRepository repository, TableDiffJobFactory tableDiff, RepairJobFactory repair,
                            RerunJobFactory rerun, ClusterRegistry clusters, RunArchiver archiver, RunMetrics metrics) {
        return new RunLauncher(operator, repository, tableDiff, repair, rerun, clusters, archiver, metrics);
    }

    @Bean
    JobControl jobControl(JobRepository repository, JobOperator operator, RunLauncher launcher) {
        return new JobControl(repository, operator, launcher);
    }

    @Bean(destroyMethod = "close")
    RunSubmitter runSubmitter(RunLauncher launcher) {
        return new RunSubmitter(launcher);
    }
}
