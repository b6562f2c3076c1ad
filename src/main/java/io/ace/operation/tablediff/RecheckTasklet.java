package io.ace.operation.tablediff;

import io.ace.findings.FindingsScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 3 on a live cluster: re-reads the differing keys after the replication pending now has
 * been applied, keeps those that still differ, and records what it did in the job's context.
 */
final class RecheckTasklet implements Tasklet {

    private final TableDiffRun run;

    RecheckTasklet(TableDiffRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        run.comparison().recheck(FindingsScope.of(job.getJobInstance().getInstanceId()), contribution.getStepExecution().getExecutionContext())
                .store(job.getExecutionContext());
        return RepeatStatus.FINISHED;
    }
}
