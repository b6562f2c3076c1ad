package io.ace.operation.mtreetablediff;

import io.ace.batch.BatchResources;
import io.ace.batch.RunContext;
import io.ace.batch.compare.DiffFileAssembler;
import io.ace.batch.compare.RecheckResult;
import io.ace.findings.FindingsScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the ordinary diff file (table-diff's own, so table-repair and table-rerun read it
 * unchanged) from the findings, a leaf counting as a range and the tree's figures beside the
 * usual summary, and records the outcome for the launcher.
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
                context.getInt(MtreeDiffRun.Found.MISMATCHED_LEAVES.key()));
        DiffFileAssembler.Assembled assembled = new DiffFileAssembler(resources.findings(), resources.html(), resources.progress(),
                resources.toolVersion()).write(run.comparison(job, resources), FindingsScope.of(job.getJobInstance().getInstanceId()), counts,
                RecheckResult.from(job.getExecutionContext()), job,
                new DiffFileAssembler.Output(MtreeTableDiff.OPERATION, request.runKey(), request.outputDir(), false, 0), treeSummary(context));
        RunContext out = RunContext.of(job);
        out.differences(assembled.result().total());
        out.reports(assembled.reports());
        out.summaryLine(assembled.line() + "\n" + context.getString(MtreeDiffRun.Found.UPDATE.key()));
        return RepeatStatus.FINISHED;
    }

    /** The leaf size stands for the block size; then the tree's own figures. */
    private static Map<String, Object> treeSummary(ExecutionContext context) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (MtreeDiffRun.Found f : List.of(MtreeDiffRun.Found.LEAVES, MtreeDiffRun.Found.TREE_NODES_READ, MtreeDiffRun.Found.CHANGES_CAPTURED,
                MtreeDiffRun.Found.LEAVES_REHASHED, MtreeDiffRun.Found.LEAVES_SPLIT)) {
            tree.put(f.name().toLowerCase(Locale.ROOT), context.get(f.key()));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("block_size", context.getInt(MtreeDiffRun.Found.LEAF_SIZE.key()));
        extra.put("equality", context.getString(MtreeDiffRun.Found.EQUALITY.key()).toLowerCase(Locale.ROOT));
        extra.put("mtree", tree);
        return extra;
    }
}
