package io.ace.operation.mtreetablediff;

import io.ace.batch.ReportFile;
import io.ace.batch.RunContext;
import io.ace.difffile.DiffFileWriter;
import io.ace.difffile.DiffSummary;
import io.ace.findings.FindingsStore;
import io.ace.report.ReportName;
import java.nio.file.Path;
import java.time.LocalDateTime;
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
 * Writes the ordinary diff file (the same shape as table-diff's, so table-repair and table-rerun
 * read it unchanged) from the findings, with the tree's figures beside the usual summary, and
 * records the outcome for the launcher.
 */
final class MtreeReportTasklet implements Tasklet {

    private final MtreeDiffRun run;
    private final FindingsStore findings;
    private final String version;

    MtreeReportTasklet(MtreeDiffRun run, FindingsStore findings, String version) {
        this.run = run;
        this.findings = findings;
        this.version = version;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ExecutionContext context = MtreeDiffRun.context(job);
        MtreeTableDiffRequest request = run.request();
        List<String> nodes = run.sessions().nodeNames();
        LocalDateTime started = job.getStartTime() == null ? LocalDateTime.now() : job.getStartTime();
        Path target = ReportName.withExtension(ReportName.of(request.outputDir(), request.table().schema(), request.table().table(), "diffs",
                List.of(".json")), ".json");
        long instance = job.getJobInstance().getInstanceId();
        DiffFileWriter.Result result = new DiffFileWriter(0).write(target, nodes, request.options().maxDiffRows(),
                consumer -> findings.forEachDifference(instance, consumer), r -> summary(job, context, nodes, started, r));
        RunContext out = RunContext.of(job);
        out.differences(result.total());
        out.reports(result.file() == null ? List.of() : List.of(new ReportFile(ReportFile.DIFF_FILE, result.file())));
        long transientKeys = context.getLong(MtreeDiffRun.Found.TRANSIENT.key(), 0L);
        out.summaryLine(request.table() + ": trees compared on " + nodes.size() + " nodes (" + String.join(", ", nodes) + "), "
                + String.format("%,d", context.getInt(MtreeDiffRun.Found.LEAVES.key())) + " leaves, " + context.getInt(MtreeDiffRun.Found.MISMATCHED_LEAVES.key())
                + " mismatched; " + (result.total() == 0 ? "all nodes are in sync" : String.format("%,d", result.total())
                + " differing rows " + result.diffRowsCount()) + (transientKeys == 0 ? "" : "; " + transientKeys
                + " transient (in flight, resolved on re-check)") + "\n" + context.getString(MtreeDiffRun.Found.UPDATE.key()));
        return RepeatStatus.FINISHED;
    }

    /** table-diff's summary fields with the same meaning (a leaf counts as a range), then the tree's own. */
    private Map<String, Object> summary(JobExecution job, ExecutionContext context, List<String> nodes, LocalDateTime start,
                                        DiffFileWriter.Result result) {
        MtreeTableDiffRequest request = run.request();
        Map<String, Object> tree = new LinkedHashMap<>();
        for (MtreeDiffRun.Found f : List.of(MtreeDiffRun.Found.LEAVES, MtreeDiffRun.Found.TREE_NODES_READ, MtreeDiffRun.Found.CHANGES_CAPTURED,
                MtreeDiffRun.Found.LEAVES_REHASHED, MtreeDiffRun.Found.LEAVES_SPLIT)) {
            tree.put(f.name().toLowerCase(Locale.ROOT), context.get(f.key()));
        }
        String lagging = context.getString(MtreeDiffRun.Found.RECHECK_LAGGING.key(), "");
        return new DiffSummary(request.table(), nodes, run.shape().keyNames())
                .put("block_size", context.getInt(MtreeDiffRun.Found.LEAF_SIZE.key()))
                .put("compare_unit_size", request.options().compareUnitSize())
                .put("max_diff_rows", request.options().maxDiffRows())
                .put("table_filter", "")
                .put("equality", context.getString(MtreeDiffRun.Found.EQUALITY.key()).toLowerCase(Locale.ROOT))
                .times(start, LocalDateTime.now())
                .counts(result, context.getLong(MtreeDiffRun.Found.ROWS.key()), context.getInt(MtreeDiffRun.Found.LEAVES.key()),
                        context.getInt(MtreeDiffRun.Found.MISMATCHED_LEAVES.key()))
                .put("transient_keys", context.getLong(MtreeDiffRun.Found.TRANSIENT.key(), 0L))
                .put("recheck", request.options().recheck())
                .put("recheck_seconds", Math.round(context.getDouble(MtreeDiffRun.Found.RECHECK_SECONDS.key(), 0.0) * 1000) / 1000.0)
                .put("recheck_lagging_nodes", lagging.isEmpty() ? List.of() : List.of(lagging.split(",")))
                .put("mtree", tree)
                .run(job.getId(), request.runKey(), version);
    }
}
