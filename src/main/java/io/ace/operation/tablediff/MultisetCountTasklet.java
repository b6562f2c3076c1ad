package io.ace.operation.tablediff;

import io.ace.batch.compare.MultisetCounts;
import io.ace.diff.MultisetComparison;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 1 of a table without a key: count every node's rows per hash bucket and keep what differs in the job's context. */
final class MultisetCountTasklet implements Tasklet {

    private final TableDiffRun run;

    MultisetCountTasklet(TableDiffRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        MultisetComparison.Counted counts = run.comparison().countMultiset();
        MultisetCounts.store(counts, chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext());
        contribution.getStepExecution().getExecutionContext().putInt("buckets", counts.buckets());
        contribution.getStepExecution().getExecutionContext().putInt("differing_buckets", counts.differing().cardinality());
        return RepeatStatus.FINISHED;
    }
}
