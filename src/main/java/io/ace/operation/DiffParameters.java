package io.ace.operation;

import io.ace.diff.AgainstOrigin;
import io.ace.diff.ColumnChoice;
import io.ace.diff.DiffOptions;
import io.ace.diff.Equality;
import io.ace.diff.Incremental;
import io.ace.report.HtmlReportWriter;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The comparison settings as job parameters, for every operation that compares rows. Identifying:
 * what is compared and how (nodes, filter, columns, block size, equality, row limit); the pace may change
 * between a run and its resumption.
 */
public final class DiffParameters {

    private DiffParameters() {
    }

    public static JobParametersBuilder add(JobParametersBuilder builder, DiffOptions options) {
        return builder
                .addString("nodes", String.join(",", options.nodes()))
                .addString("table_filter", options.tableFilter() == null ? "" : options.tableFilter())
                .addLong("block_size", (long) options.blockSize())
                .addString("equality", options.equality().name().toLowerCase())
                .addLong("max_diff_rows", options.maxDiffRows())
                .addDouble("concurrency_factor", options.concurrencyFactor(), false)
                .addLong("compare_unit_size", (long) options.compareUnitSize(), false)
                .addString("recheck", Boolean.toString(options.recheck()), false)
                .addLong("recheck_timeout", (long) options.recheckTimeoutSeconds(), false)
                .addLong("max_load", (long) options.maxLoad(), false)
                .addLong("max_lag", (long) options.maxLagSeconds(), false)
                .addDouble("target_query_time", options.targetQuerySeconds(), false)
                .addString("columns", String.join("\n", options.columns().only()))
                .addString("exclude_columns", String.join("\n", options.columns().excluded()))
                .addString("against_origin", options.against() == null ? "" : options.against().node())
                .addString("until", options.against() == null || options.against().until() == null ? "" : options.against().until().toString())
                .addString("incremental_column", options.incremental() == null ? "" : options.incremental().column())
                .addString("boundary", options.incremental() == null ? "" : options.incremental().boundary().toString());
    }

    private static List<String> lines(JobParameters p, String name) {
        String recorded = p.getString(name, "");
        return recorded.isEmpty() ? List.of() : List.of(recorded.split("\n"));
    }

    /** What a run on many tables leaves out (identifying) and the sessions it may hold per node (not identifying). */
    public static JobParametersBuilder addTableSet(JobParametersBuilder builder, List<String> skipTables, int maxConnections) {
        return builder
                .addString("skip_tables", String.join("\n", skipTables))
                .addLong("max_connections", (long) maxConnections, false);
    }

    public static List<String> skipTables(JobParameters p) {
        return lines(p, "skip_tables");
    }

    public static int maxConnections(JobParameters p) {
        return p.getLong("max_connections", 0L).intValue();
    }

    /** How the reports are written; never identifying. */
    public static JobParametersBuilder addOutput(JobParametersBuilder builder, boolean html, int maxHtmlRows) {
        return builder
                .addString("output", html ? "html" : "json", false)
                .addLong("max_html_rows", (long) maxHtmlRows, false);
    }

    public static boolean html(JobParameters p) {
        return "html".equals(p.getString("output"));
    }

    public static int maxHtmlRows(JobParameters p) {
        return p.getLong("max_html_rows", (long) HtmlReportWriter.DEFAULT_MAX_ROWS).intValue();
    }

    public static DiffOptions read(JobParameters p) {
        return new DiffOptions(NodesParameters.nodes(p),
                p.getLong("block_size").intValue(), p.getDouble("concurrency_factor"),
                p.getLong("compare_unit_size").intValue(), p.getLong("max_diff_rows"),
                p.getString("table_filter", ""), Equality.valueOf(p.getString("equality").toUpperCase()),
                Boolean.parseBoolean(p.getString("recheck", "true")),
                p.getLong("recheck_timeout", (long) DiffOptions.DEFAULT_RECHECK_TIMEOUT_SECONDS).intValue(),
                p.getLong("max_load", 0L).intValue(), p.getLong("max_lag", 0L).intValue(), p.getDouble("target_query_time", 0.0),
                new ColumnChoice(lines(p, "columns"), lines(p, "exclude_columns")),
                AgainstOrigin.of(p.getString("against_origin", ""), p.getString("until", "")),
                Incremental.of(p.getString("incremental_column", ""), p.getString("boundary", "")));
    }
}
