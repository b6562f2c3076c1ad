package io.ace.batch;

import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.findings.FindingsStore;
import io.ace.report.HtmlReportWriter;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the table-diff job for one launch: plan (freeze the key space), hash (partitions of
 * blocks on a bounded pool), recheck (differing keys again, after pending replication), report
 * (diff file and HTML from the findings).
 */
public final class TableDiffJobFactory {

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final FindingsStore findings;
    private final DiffProgress progress;
    private final HtmlReportWriter html;
    private final BlockFailureInjector failureInjector;
    private final String version;

    public TableDiffJobFactory(JobRepository repository, PlatformTransactionManager transactions, FindingsStore findings, DiffProgress progress, HtmlReportWriter html,
                               BlockFailureInjector failureInjector, String version) {
        this.repository = repository;
        this.transactions = transactions;
        this.findings = findings;
        this.progress = progress;
        this.html = html;
        this.failureInjector = failureInjector;
        this.version = version;
    }

    /** The job for one launch, on sessions the caller opened (and closes) and a table it checked. */
    public Job build(TableDiffRequest request, ClusterSessions sessions, ComparedTable table) {
        TableDiffRun run = new TableDiffRun(request, sessions, table, repository);
        Step plan = new StepBuilder("plan", repository).tasklet(new PlanTasklet(run), transactions).build();
        HashPartitionTasklet hashTasklet = new HashPartitionTasklet(run, findings, progress, failureInjector);
        Step hashPartition = new StepBuilder("hash-partition", repository).tasklet(hashTasklet, transactions)
                .listener(hashTasklet).build();
        FrozenPlanPartitioner partitioner = new FrozenPlanPartitioner(run, progress, findings);
        int workers = request.options().workers();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ace-partition-");
        executor.setConcurrencyLimit(workers);
        Step hash = new StepBuilder("hash", repository).partitioner("hash-partition", partitioner).step(hashPartition)
                .gridSize(workers).taskExecutor(executor).listener(partitioner).build();
        Step recheck = new StepBuilder("recheck", repository).tasklet(new RecheckTasklet(run, findings), transactions).build();
        Step report = new StepBuilder("report", repository)
                .tasklet(new ReportTasklet(run, findings, html, version, progress), transactions).build();
        return new JobBuilder(TableDiffRequest.JOB_NAME, repository).listener(run).listener(new FindingsRetention(findings)).start(plan).next(hash).next(recheck).next(report).build();
    }
}
