package io.ace.operation.tablediff;

import io.ace.diff.DiffPlan;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 1: plan the key space of the checked table and freeze the plan in the job's context. */
final class PlanTasklet implements Tasklet {

    private final TableDiffRun run;

    PlanTasklet(TableDiffRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        DiffPlan plan = run.comparison().plan();
        run.freeze(job, plan);
        if (run.table().window() != null) {
            job.getExecutionContext().putString(IncrementalWindows.WINDOW, run.table().window().recorded());
        }
        contribution.getStepExecution().getExecutionContext().putInt("blocks", plan.blockCount());
        contribution.getStepExecution().getExecutionContext().putInt("partitions", plan.partitionCount());
        return RepeatStatus.FINISHED;
    }
}
