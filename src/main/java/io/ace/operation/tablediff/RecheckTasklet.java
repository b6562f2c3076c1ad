package io.ace.operation.tablediff;

import io.ace.findings.FindingsRecheck;
import io.ace.findings.FindingsStore;
import java.time.Duration;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 3 on a live cluster: the differing keys read again after the replication pending now has
 * been applied ({@link FindingsRecheck}); what resolved is counted as transient.
 */
final class RecheckTasklet implements Tasklet {

    static final String TRANSIENT = "ace.transient";
    static final String SECONDS = "ace.recheck.seconds";
    static final String LAGGING = "ace.recheck.lagging";

    private final TableDiffRun run;
    private final FindingsStore findings;

    RecheckTasklet(TableDiffRun run, FindingsStore findings) {
        this.run = run;
        this.findings = findings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        long instance = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        if (!run.request().options().recheck()) {
            job.putLong(TRANSIENT, 0);
            return RepeatStatus.FINISHED;
        }
        FindingsRecheck.Result result = new FindingsRecheck(findings).run(instance, run.sessions(), run.table(),
                run.request().options().compareUnitSize(), Duration.ofSeconds(run.request().options().recheckTimeoutSeconds()));
        job.putLong(TRANSIENT, result.transientKeys());
        job.putDouble(SECONDS, result.seconds());
        job.putString(LAGGING, String.join(",", result.laggingNodes()));
        return RepeatStatus.FINISHED;
    }
}
