package io.ace.operation.mtreetablediff;

import io.ace.batch.BatchResources;
import io.ace.batch.ReportPublisher;
import io.ace.batch.compare.DiffFileAssembler;
import io.ace.batch.compare.RecheckResult;
import io.ace.findings.FindingsScope;
import io.ace.report.DiffSummary;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the ordinary diff file (table-diff's own, so table-repair and table-rerun read it
 * unchanged) from the findings, a leaf counting as a range and the tree's figures beside the
 * usual summary, and publishes the outcome.
 */
final class MtreeReportTasklet implements Tasklet {

    private final MtreeDiffRun run;
    private final BatchResources resources;

    MtreeReportTasklet(MtreeDiffRun run, BatchResources resources) {
        this.run = run;
        this.resources = resources;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ExecutionContext context = MtreeDiffRun.context(job);
        MtreeTableDiffRequest request = run.request();
        var counts = new DiffFileAssembler.Counts(context.getLong(MtreeDiffRun.Found.ROWS.key()), context.getInt(MtreeDiffRun.Found.LEAVES.key()),
                context.getInt(MtreeDiffRun.Found.LEAF_SIZE.key()), context.getInt(MtreeDiffRun.Found.MISMATCHED_LEAVES.key()));
        DiffFileAssembler.Assembled assembled = new DiffFileAssembler(resources.findings(), resources.html(), resources.progress(),
                resources.toolVersion()).write(run.comparison(job, resources), FindingsScope.of(job.getJobInstance().getInstanceId()), counts,
                RecheckResult.from(job.getExecutionContext()), job,
                new DiffFileAssembler.Output(MtreeTableDiff.OPERATION, request.runKey(), request.outputDir(), false, 0), tree(context));
        ReportPublisher.of(job).files(assembled.reports())
                .publish(assembled.result().total(), assembled.line() + "\n" + context.getString(MtreeDiffRun.Found.UPDATE.key()));
        return RepeatStatus.FINISHED;
    }

    private static DiffSummary.Tree tree(ExecutionContext context) {
        return new DiffSummary.Tree(context.getInt(MtreeDiffRun.Found.LEAVES.key()), context.getInt(MtreeDiffRun.Found.TREE_NODES_READ.key()),
                context.getLong(MtreeDiffRun.Found.CHANGES_CAPTURED.key()), context.getLong(MtreeDiffRun.Found.LEAVES_REHASHED.key()),
                context.getInt(MtreeDiffRun.Found.LEAVES_SPLIT.key()));
    }
}
