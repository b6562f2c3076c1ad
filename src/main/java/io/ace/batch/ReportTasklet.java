package io.ace.batch;

import io.ace.diff.DiffPlan;
import io.ace.findings.BlockRecord;
import io.ace.findings.FindingsStore;
import io.ace.difffile.DiffFileWriter;
import io.ace.report.DiffReport;
import io.ace.report.HtmlReportWriter;
import io.ace.report.ReportName;
import io.ace.difffile.Sha256;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 3: assembles the diff file and the HTML report from the committed findings of every
 * execution of this run, and records the outcome in the job's context for the launcher.
 */
final class ReportTasklet implements Tasklet {

    static final String DIFF_FILE = "ace.diff.file";
    static final String HTML_FILE = "ace.html.file";
    static final String DIFF_TOTAL = "ace.diff.total";
    static final String ROWS_CHECKED = "ace.rows.checked";
    static final String SUMMARY_LINE = "ace.summary";
    static final ExitStatus DIFFERENCES = new ExitStatus("DIFFERENCES", "differences found");

    private static final int HTML_ROWS_PER_PAIR = 500;

    private final TableDiffRun run;
    private final FindingsStore findings;
    private final HtmlReportWriter html;
    private final String version;
    private final DiffProgress progress;

    ReportTasklet(TableDiffRun run, FindingsStore findings, HtmlReportWriter html, String version, DiffProgress progress) {
        this.progress = progress;
        this.run = run;
        this.findings = findings;
        this.html = html;
        this.version = version;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instance = job.getJobInstance().getInstanceId();
        TableDiffRequest request = run.request();
        DiffPlan plan = run.plan(job);
        List<BlockRecord> blocks = findings.blocks(instance);
        // the largest node's row count: every row of it was compared with every other node
        Map<String, Long> rowsPerNode = new LinkedHashMap<>();
        blocks.forEach(b -> b.rowsPerNode().forEach((n, c) -> rowsPerNode.merge(n, c, Long::sum)));
        long rowsChecked = rowsPerNode.values().stream().mapToLong(Long::longValue).max().orElse(0);
        int mismatched = (int) blocks.stream().filter(BlockRecord::mismatched).count();
        List<String> nodes = run.sessions().nodeNames();
        LocalDateTime started = firstStart(job);
        Path base = ReportName.of(request.outputDir(), request.table().schema(), request.table().table(), "diffs", List.of(".json", ".html"));
        Path jsonPath = ReportName.withExtension(base, ".json");

        DiffFileWriter.Result result = new DiffFileWriter(run.table().shape(), HTML_ROWS_PER_PAIR).write(jsonPath, nodes,
                request.options().maxDiffRows(), consumer -> findings.forEachDifference(instance, consumer),
                // ended once every difference is written out: only copying the file into place follows
                r -> summary(request, nodes, started, LocalDateTime.now(ZoneId.systemDefault()), r, rowsChecked, plan.blockCount(),
                        mismatched, job));

        ExecutionContext context = job.getExecutionContext();
        context.putLong(DIFF_TOTAL, result.total());
        context.putLong(ROWS_CHECKED, rowsChecked);
        if (result.file() != null) {
            context.putString(DIFF_FILE, result.file().toAbsolutePath().toString());
        }
        if (request.html()) {
            Path htmlPath = ReportName.withExtension(base, ".html");
            html.writeDiffReport(htmlPath, new DiffReport(result.summary(), metadata(job, result), connections(),
                    run.table().shape().columnNames(), DiffReport.pairs(result, run.table().shape().columnNames()), blocks));
            context.putString(HTML_FILE, htmlPath.toAbsolutePath().toString());
        }
        context.putString(SUMMARY_LINE, summaryLine(request, nodes, rowsChecked, plan.blockCount(), mismatched, result)
                + liveNotes(context));
        contribution.setExitStatus(result.total() > 0 ? DIFFERENCES : ExitStatus.COMPLETED);
        return RepeatStatus.FINISHED;
    }

    private static LocalDateTime firstStart(JobExecution job) {
        LocalDateTime start = job.getStartTime();
        return start == null ? LocalDateTime.now() : start;
    }

    private Map<String, Object> summary(TableDiffRequest request, List<String> nodes, LocalDateTime start, LocalDateTime end,
                                        DiffFileWriter.Result result, long rowsChecked, int ranges, int mismatched, JobExecution job) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", request.table().schema());
        s.put("table", request.table().table());
        s.put("nodes", nodes);
        s.put("primary_key", run.table().shape().keyNames());
        s.put("block_size", request.options().blockSize());
        s.put("compare_unit_size", request.options().compareUnitSize());
        s.put("concurrency_factor", request.options().concurrencyFactor());
        s.put("max_diff_rows", request.options().maxDiffRows());
        s.put("table_filter", request.options().tableFilter() == null ? "" : request.options().tableFilter());
        s.put("equality", request.options().equality().name().toLowerCase());
        s.put("start_time", rfc3339(start));
        s.put("end_time", rfc3339(end));
        s.put("time_taken", String.format(java.util.Locale.ROOT, "%.1fs", Duration.between(start, end).toMillis() / 1000.0));
        s.put("diff_rows_count", result.diffRowsCount());
        s.put("diff_row_limit_reached", result.limitReached());
        s.put("total_rows_checked", rowsChecked);
        s.put("initial_ranges_count", ranges);
        s.put("mismatched_ranges_count", mismatched);
        s.put("odd_node_counts", result.oddNodeCounts());
        ExecutionContext jobContext = job.getExecutionContext();
        s.put("transient_keys", jobContext.getLong(RecheckTasklet.TRANSIENT, 0L));
        s.put("recheck", request.options().recheck());
        s.put("hash_statements", progress.hashStatements());
        s.put("throttle_pauses", progress.pauses());
        s.put("throttle_paused_seconds", progress.pausedMillis() / 1000.0);
        s.put("recheck_seconds", Math.round(jobContext.getDouble(RecheckTasklet.SECONDS, 0.0) * 1000) / 1000.0);
        String lagging = jobContext.getString(RecheckTasklet.LAGGING, "");
        s.put("recheck_lagging_nodes", lagging.isEmpty() ? List.of() : List.of(lagging.split(",")));
        s.put("job_execution_id", job.getId());
        s.put("run_key", request.runKey());
        s.put("tool_version", version);
        return s;
    }

    private static String rfc3339(LocalDateTime t) {
        return t.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private Map<String, String> metadata(JobExecution job, DiffFileWriter.Result result) throws java.io.IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Operation", TableDiffRequest.JOB_NAME);
        m.put("Cluster", run.sessions().cluster().name());
        m.put("Table", run.request().table().toString());
        m.put("Run key", run.request().runKey());
        m.put("Job execution", String.valueOf(job.getId()));
        m.put("Launched by", System.getProperty("user.name") + " on " + TableDiffRun.owner());
        m.put("Tool version", "ACE " + version);
        m.put("Service file", String.valueOf(run.sessions().cluster().source()));
        if (result.file() != null) {
            m.put("Diff file", result.file().getFileName().toString());
            m.put("Diff file sha256", Sha256.of(result.file()));
        } else {
            m.put("Diff file", "none (no differences)");
        }
        return m;
    }

    private Map<String, String> connections() {
        Map<String, String> m = new LinkedHashMap<>();
        run.sessions().pools().forEach(p -> m.put(p.name(), p.node().connectionString()));
        return m;
    }

    /** What the live-cluster safeguards did: transient keys, lagging nodes, throttle pauses. */
    private String liveNotes(ExecutionContext job) {
        long transientKeys = job.getLong(RecheckTasklet.TRANSIENT, 0L);
        String lagging = job.getString(RecheckTasklet.LAGGING, "");
        return (transientKeys == 0 ? "" : "; " + transientKeys + " transient (in flight, resolved on re-check)")
                + (lagging.isEmpty() ? "" : "; replication did not catch up within --recheck-timeout on: " + lagging)
                + (progress.pauses() == 0 ? "" : String.format("; paused %d times (%.0f s) for --max-load/--max-lag",
                        progress.pauses(), progress.pausedMillis() / 1000.0));
    }

    private static String summaryLine(TableDiffRequest request, List<String> nodes, long rows, int ranges, int mismatched,
                                      DiffFileWriter.Result result) {
        StringBuilder sb = new StringBuilder();
        sb.append(request.table()).append(": ").append(String.format("%,d", rows)).append(" rows checked on ")
                .append(nodes.size()).append(" nodes (").append(String.join(", ", nodes)).append(") in ")
                .append(ranges).append(ranges == 1 ? " block, " : " blocks, ").append(mismatched).append(" mismatched; ");
        if (result.total() == 0) {
            sb.append("all nodes are in sync");
        } else {
            sb.append(String.format("%,d", result.total())).append(" differing rows ");
            StringBuilder pairs = new StringBuilder();
            result.diffRowsCount().forEach((k, v) -> pairs.append(pairs.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
            sb.append('(').append(pairs).append(')');
            if (!result.oddNodeCounts().isEmpty()) {
                sb.append("; odd node out: ").append(result.oddNodeCounts());
            }
            if (result.limitReached()) {
                sb.append("; --max-diff-rows reached, list truncated");
            }
        }
        return sb.toString();
    }
}
