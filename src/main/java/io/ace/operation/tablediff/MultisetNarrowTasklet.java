package io.ace.operation.tablediff;

import io.ace.batch.compare.MultisetCounts;
import io.ace.findings.FindingsScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 2 of a table without a key: after pending replication, read the differing buckets' rows and
 * record those held in a different number of copies; the fence's result goes where a keyed run's
 * re-check puts its own.
 */
final class MultisetNarrowTasklet implements Tasklet {

    private final TableDiffRun run;

    MultisetNarrowTasklet(TableDiffRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        run.comparison().narrowMultiset(FindingsScope.of(job.getJobInstance().getInstanceId()), MultisetCounts.from(job.getExecutionContext()))
                .store(job.getExecutionContext());
        return RepeatStatus.FINISHED;
    }
}
