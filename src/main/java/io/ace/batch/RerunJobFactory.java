package io.ace.batch;

import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.findings.FindingsStore;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds the table-rerun job: recheck (batches of keys), report. */
public final class RerunJobFactory {

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final FindingsStore findings;

    public RerunJobFactory(JobRepository repository, PlatformTransactionManager transactions, FindingsStore findings) {
        this.repository = repository;
        this.transactions = transactions;
        this.findings = findings;
    }

    public Job build(TableRerunRequest request, ClusterSessions sessions, ComparedTable table) {
        RerunTasklet recheck = new RerunTasklet(request, sessions, table, findings);
        return new JobBuilder(TableRerunRequest.JOB_NAME, repository).listener(new FindingsRetention(findings))
                .start(new StepBuilder("recheck", repository).tasklet(recheck, transactions).listener(recheck).build())
                .next(new StepBuilder("report", repository).tasklet(new RerunReportTasklet(request, sessions, table.shape(), findings), transactions).build())
                .build();
    }
}
