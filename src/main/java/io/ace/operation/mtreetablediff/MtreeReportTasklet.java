package io.ace.operation.mtreetablediff;

import io.ace.batch.ReportFile;
import io.ace.batch.RunContext;
import io.ace.difffile.DiffFileWriter;
import io.ace.findings.FindingsStore;
import io.ace.report.ReportName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
        long transientKeys = context.getLong(MtreeDiffRun.TRANSIENT, 0L);
        out.summaryLine(request.table() + ": trees compared on " + nodes.size() + " nodes (" + String.join(", ", nodes) + "), "
                + String.format("%,d", context.getInt(MtreeDiffRun.LEAVES)) + " leaves, " + context.getInt(MtreeDiffRun.MISMATCHED)
                + " mismatched; " + (result.total() == 0 ? "all nodes are in sync" : String.format("%,d", result.total())
                + " differing rows " + result.diffRowsCount()) + (transientKeys == 0 ? "" : "; " + transientKeys
                + " transient (in flight, resolved on re-check)") + "\n" + context.getString(MtreeDiffRun.UPDATE));
        return RepeatStatus.FINISHED;
    }

    /** table-diff's summary fields with the same meaning (a leaf counts as a range), then the tree's own. */
    private Map<String, Object> summary(JobExecution job, ExecutionContext context, List<String> nodes, LocalDateTime start,
                                        DiffFileWriter.Result result) {
        MtreeTableDiffRequest request = run.request();
        LocalDateTime end = LocalDateTime.now();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", request.table().schema());
        s.put("table", request.table().table());
        s.put("nodes", nodes);
        s.put("primary_key", run.shape().keyNames());
        s.put("block_size", context.getInt(MtreeDiffRun.LEAF_SIZE));
        s.put("compare_unit_size", request.options().compareUnitSize());
        s.put("max_diff_rows", request.options().maxDiffRows());
        s.put("table_filter", "");
        s.put("equality", context.getString(MtreeDiffRun.EQUALITY).toLowerCase(Locale.ROOT));
        s.put("start_time", rfc3339(start));
        s.put("end_time", rfc3339(end));
        s.put("time_taken", String.format(Locale.ROOT, "%.1fs", Duration.between(start, end).toMillis() / 1000.0));
        s.put("diff_rows_count", result.diffRowsCount());
        s.put("diff_row_limit_reached", result.limitReached());
        s.put("total_rows_checked", context.getLong(MtreeDiffRun.ROWS));
        s.put("initial_ranges_count", context.getInt(MtreeDiffRun.LEAVES));
        s.put("mismatched_ranges_count", context.getInt(MtreeDiffRun.MISMATCHED));
        s.put("odd_node_counts", result.oddNodeCounts());
        s.put("transient_keys", context.getLong(MtreeDiffRun.TRANSIENT, 0L));
        s.put("recheck", request.options().recheck());
        s.put("recheck_seconds", Math.round(context.getDouble(MtreeDiffRun.RECHECK_SECONDS, 0.0) * 1000) / 1000.0);
        String lagging = context.getString(MtreeDiffRun.LAGGING, "");
        s.put("recheck_lagging_nodes", lagging.isEmpty() ? List.of() : List.of(lagging.split(",")));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("leaves", context.getInt(MtreeDiffRun.LEAVES));
        tree.put("tree_nodes_read", context.getInt(MtreeDiffRun.TREE_NODES_READ));
        tree.put("changes_captured", context.getLong(MtreeDiffRun.CAPTURED));
        tree.put("leaves_rehashed", context.getLong(MtreeDiffRun.REHASHED));
        tree.put("leaves_split", context.getInt(MtreeDiffRun.SPLITS));
        s.put("mtree", tree);
        s.put("job_execution_id", job.getId());
        s.put("run_key", request.runKey());
        s.put("tool_version", version);
        return s;
    }

    private static String rfc3339(LocalDateTime t) {
        return t.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
