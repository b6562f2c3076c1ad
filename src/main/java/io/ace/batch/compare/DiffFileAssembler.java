package io.ace.batch.compare;

import io.ace.batch.DiffProgress;
import io.ace.batch.ReportFile;
import io.ace.batch.RunTiming;
import io.ace.catalog.TableName;
import io.ace.diff.AgainstOrigin;
import io.ace.diff.DiffPlan;
import io.ace.diff.Incremental;
import io.ace.diff.MultisetComparison;
import io.ace.difffile.DiffFileWriter;
import io.ace.difffile.Sha256;
import io.ace.findings.BlockRecord;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.report.DiffReport;
import io.ace.report.DiffSummary;
import io.ace.report.HtmlReportWriter;
import io.ace.report.ReportName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;

/**
 * Writes one compared table's diff file (and, when asked, its HTML report) from the committed
 * findings of every execution of the run: the same file whichever operation compared the table,
 * so table-repair and table-rerun take it as it is.
 */
public final class DiffFileAssembler {

    /**
     * Where the reports go and what the run facts say.
     *
     * @param operation  the operation that compared the table, as the report's run facts name it
     * @param runKey     the run's key
     * @param outputDir  where files are written
     * @param html       whether to write the HTML report too
     * @param maxHtmlRows differing rows the HTML report lists
     */
    public record Output(String operation, String runKey, Path outputDir, boolean html, int maxHtmlRows) {
    }

    /**
     * What was written.
     *
     * @param result      the diff file's counts (its file is null when nothing differs)
     * @param reports     the files written, in order
     * @param rowsChecked the largest node's row count
     * @param blocks      blocks of the plan
     * @param mismatched  blocks whose hashes disagreed
     * @param line        the outcome as one line, live-cluster notes included
     */
    public record Assembled(DiffFileWriter.Result result, List<ReportFile> reports, long rowsChecked, int blocks, int mismatched,
                            String line) {
    }

    private final FindingsStore findings;
    private final HtmlReportWriter html;
    private final DiffProgress progress;
    private final String version;

    public DiffFileAssembler(FindingsStore findings, HtmlReportWriter html, DiffProgress progress, String version) {
        this.findings = findings;
        this.html = html;
        this.progress = progress;
        this.version = version;
    }

    /**
     * What a comparison covered, for its summary.
     *
     * @param rowsChecked the largest node's row count
     * @param ranges      blocks of the plan (or leaves of a tree)
     * @param rangeSize   rows per block (a tree's leaf size)
     * @param mismatched  those whose hashes disagreed
     */
    public record Counts(long rowsChecked, int ranges, int rangeSize, int mismatched) {
    }

    public Assembled write(TableComparison comparison, FindingsScope scope, DiffPlan plan, RecheckResult recheck, JobExecution job,
                           Output output) throws IOException {
        List<BlockRecord> blocks = findings.blocks(scope);
        // the largest node's row count: every row of it was compared with every other node
        Map<String, Long> rowsPerNode = new LinkedHashMap<>();
        blocks.forEach(b -> b.rowsPerNode().forEach((n, c) -> rowsPerNode.merge(n, c, Long::sum)));
        long rowsChecked = rowsPerNode.values().stream().mapToLong(Long::longValue).max().orElse(0);
        int mismatched = (int) blocks.stream().filter(BlockRecord::mismatched).count();
        return write(comparison, scope, new Counts(rowsChecked, plan.blockCount(), comparison.options().blockSize(), mismatched), recheck, job,
                output, null,
                (path, result, summary) -> html.writeDiffReport(path, DiffReport.of(metadata(comparison, job, result, output),
                        connections(comparison), comparison.table().shape().columns(), result, summary, blocks, plan, output.maxHtmlRows())));
    }

    /**
     * The diff file of a table compared as a multiset: its hash buckets stand for the blocks, those
     * {@code counted} found differing for the mismatched ones.
     */
    public Assembled writeMultiset(TableComparison comparison, FindingsScope scope, MultisetComparison.Counted counted, RecheckResult recheck,
                                   JobExecution job, Output output) throws IOException {
        List<BlockRecord> blocks = findings.blocks(scope);
        long rowsChecked = counted.rowsPerNode().values().stream().mapToLong(Long::longValue).max().orElse(0);
        // the key-space chart shows one block: a multiset has no key order to chart
        DiffPlan whole = DiffPlan.of(List.of(), 1, 1, rowsChecked);
        return write(comparison, scope, new Counts(rowsChecked, counted.buckets(), (int) Math.min(Integer.MAX_VALUE, rowsChecked / counted.buckets()),
                        counted.differing().cardinality()), recheck, job, output, null,
                (path, result, summary) -> html.writeDiffReport(path, DiffReport.of(metadata(comparison, job, result, output),
                        connections(comparison), comparison.table().shape().columns(), result, summary, blocks, whole, output.maxHtmlRows())));
    }

    /** The diff file of a comparison of Merkle trees, which counted their leaves itself, with the trees' figures; JSON only. */
    public Assembled write(TableComparison comparison, FindingsScope scope, Counts counts, RecheckResult recheck, JobExecution job,
                           Output output, DiffSummary.Tree tree) throws IOException {
        return write(comparison, scope, counts, recheck, job, output, tree, null);
    }

    /** Renders the HTML report of a written diff file. */
    @FunctionalInterface
    private interface HtmlReport {
        void write(Path target, DiffFileWriter.Result result, DiffSummary summary) throws IOException;
    }

    private Assembled write(TableComparison comparison, FindingsScope scope, Counts counts, RecheckResult recheck, JobExecution job,
                            Output output, DiffSummary.Tree tree, HtmlReport htmlReport) throws IOException {
        long rowsChecked = counts.rowsChecked();
        int mismatched = counts.mismatched();
        List<String> nodes = comparison.sessions().nodeNames();
        TableName table = comparison.table().shape().name();
        Path base = ReportName.of(output.outputDir(), table.schema(), table.table(), "diffs", List.of(".json", ".html"));
        Path jsonPath = ReportName.withExtension(base, ".json");

        DiffSummary[] summary = {null};
        DiffFileWriter.Result result = new DiffFileWriter(comparison.table().shape(), output.maxHtmlRows()).write(jsonPath, nodes,
                comparison.options().maxDiffRows(), consumer -> findings.forEachDifference(scope, consumer),
                // ended once every difference is written out: only copying the file into place follows
                r -> summary[0] = summary(comparison, nodes, RunTiming.of(job), r, counts, recheck, job, output, tree));

        List<ReportFile> written = new ArrayList<>();
        if (result.file() != null) {
            written.add(new ReportFile(ReportFile.DIFF_FILE, result.file()));
        }
        if (output.html() && htmlReport != null) {
            Path htmlPath = ReportName.withExtension(base, ".html");
            htmlReport.write(htmlPath, result, summary[0]);
            written.add(new ReportFile(ReportFile.HTML_REPORT, htmlPath));
        }
        String line = summaryLine(table, nodes, rowsChecked, counts.ranges(), comparison.table().multiset(), mismatched, result) + liveNotes(recheck);
        return new Assembled(result, written, rowsChecked, counts.ranges(), mismatched, line);
    }

    private DiffSummary summary(TableComparison comparison, List<String> nodes, RunTiming timing, DiffFileWriter.Result result, Counts counts, RecheckResult recheck, JobExecution job, Output output,
                                DiffSummary.Tree tree) {
        var options = comparison.options();
        var table = comparison.table();
        return new DiffSummary(table.shape().name().schema(), table.shape().name().table(), nodes, table.shape().keyNames(),
                table.multiset() ? null : table.shape().keyIndex().describe(), table.multiset() ? "multiset" : null, counts.rangeSize(), options.compareUnitSize(), options.concurrencyFactor(),
                options.maxDiffRows(), table.filter() == null ? "" : table.filter(), table.columnList(), options.columns().describe(),
                options.against() == null ? null : options.against().node(),
                options.against() == null || options.against().until() == null ? null : options.against().until().toString(),
                incremental(table.window()), table.equality().name().toLowerCase(), timing.startTime(), timing.endTime(), timing.took(), result.diffRowsCount(),
                result.limitReached(), counts.rowsChecked(), counts.ranges(), counts.mismatched(), result.oddNodeCounts(),
                recheck.transientKeys(), options.recheck(), progress.hashStatements(), progress.pauses(), progress.pausedMillis() / 1000.0,
                Math.round(recheck.seconds() * 1000) / 1000.0, recheck.laggingNodes(), tree, job.getId(), output.runKey(), version);
    }

    private static DiffSummary.IncrementalRun incremental(Incremental.Window w) {
        return w == null ? null : new DiffSummary.IncrementalRun(w.incremental().column(), w.incremental().boundary().toString(),
                w.from() == null ? null : w.from().toString(), w.to().toString(), w.lastFull() == null ? null : w.lastFull().toString(),
                "rows deleted since the watermark are not seen by an incremental run: compare every row (or diff a Merkle tree) for them");
    }

    private Map<String, String> metadata(TableComparison comparison, JobExecution job, DiffFileWriter.Result result, Output output)
            throws IOException {
        Map<String, String> m = RunFacts.of(output.operation(), comparison.sessions(), "Table", comparison.table().shape().name().toString(),
                output.runKey(), job, version);
        Incremental.Window window = comparison.table().window();
        if (window != null) {
            m.put("Incremental window", (window.from() == null ? "every row (first run)" : "rows with " + window.incremental().column() + " after "
                    + window.from()) + " up to " + window.to() + "; deletes are not seen; last comparison of every row: "
                    + (window.lastFull() == null ? "never" : window.lastFull().toString()));
        }
        AgainstOrigin against = comparison.options().against();
        if (against != null) {
            m.put("Compared", "only rows whose last change came from " + against.node()
                    + (against.until() == null ? "" : ", committed at or before " + against.until())
                    + "; a delete " + against.node() + " made shows only where the deleted row had also come from it");
        }
        if (result.file() != null) {
            m.put("Diff file", result.file().getFileName().toString());
            m.put("Diff file sha256", Sha256.of(result.file()));
        } else {
            m.put("Diff file", "none (no differences)");
        }
        return m;
    }

    private static Map<String, String> connections(TableComparison comparison) {
        Map<String, String> m = new LinkedHashMap<>();
        comparison.sessions().pools().forEach(p -> m.put(p.name(), p.node().connectionString()));
        return m;
    }

    /** What the live-cluster safeguards did: transient keys, lagging nodes, throttle pauses. */
    private String liveNotes(RecheckResult recheck) {
        return (recheck.transientKeys() == 0 ? "" : "; " + recheck.transientKeys() + " transient (in flight, resolved on re-check)")
                + (recheck.laggingNodes().isEmpty() ? "" : "; replication did not catch up within --recheck-timeout on: "
                        + String.join(",", recheck.laggingNodes()))
                + (progress.pauses() == 0 ? "" : String.format("; paused %d times (%.0f s) for --max-load/--max-lag",
                        progress.pauses(), progress.pausedMillis() / 1000.0));
    }

    private static String summaryLine(TableName table, List<String> nodes, long rows, int ranges, boolean multiset, int mismatched,
                                      DiffFileWriter.Result result) {
        StringBuilder sb = new StringBuilder();
        sb.append(table).append(": ").append(String.format("%,d", rows)).append(" rows checked on ")
                .append(nodes.size()).append(" nodes (").append(String.join(", ", nodes)).append(") ")
                .append(multiset ? "as a multiset of whole rows (no key) in " : "in ")
                .append(ranges).append(multiset ? " hash buckets, " : ranges == 1 ? " block, " : " blocks, ").append(mismatched).append(" mismatched; ");
        if (result.total() == 0) {
            sb.append("all nodes are in sync");
        } else {
            sb.append(String.format("%,d", result.total())).append(result.total() == 1 ? " differing row (" : " differing rows (")
                    .append(result.pairCountsText()).append(')');
            if (!result.oddNodeCounts().isEmpty()) {
                sb.append("; odd node out: ").append(result.oddNodeCountsText());
            }
            if (result.limitReached()) {
                sb.append("; --max-diff-rows reached, list truncated");
            }
        }
        return sb.toString();
    }
}
