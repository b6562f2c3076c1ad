package io.ace.operation.tablediff;

import io.ace.catalog.TableName;
import io.ace.diff.DiffOptions;
import io.ace.diff.Equality;
import io.ace.operation.ParameterCodec;
import io.ace.report.HtmlReportWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A table-diff request as job parameters. Identifying: what is compared and how (cluster, table,
 * nodes, filter, block size, equality, row limit) and the run key; the rest (pace, output) may
 * change between a run and its resumption.
 */
final class TableDiffParameters implements ParameterCodec<TableDiffRequest> {

    @Override
    public JobParameters encode(TableDiffRequest request) {
        DiffOptions options = request.options();
        return new JobParametersBuilder()
                .addString("operation", TableDiffRequest.OPERATION)
                .addString("cluster", request.cluster())
                .addString("table", request.table().toString())
                .addString("nodes", String.join(",", options.nodes()))
                .addString("table_filter", options.tableFilter() == null ? "" : options.tableFilter())
                .addLong("block_size", (long) options.blockSize())
                .addString("equality", options.equality().name().toLowerCase())
                .addLong("max_diff_rows", options.maxDiffRows())
                .addString("run_key", request.runKey())
                .addDouble("concurrency_factor", options.concurrencyFactor(), false)
                .addLong("compare_unit_size", (long) options.compareUnitSize(), false)
                .addString("recheck", Boolean.toString(options.recheck()), false)
                .addLong("recheck_timeout", (long) options.recheckTimeoutSeconds(), false)
                .addLong("max_load", (long) options.maxLoad(), false)
                .addLong("max_lag", (long) options.maxLagSeconds(), false)
                .addDouble("target_query_time", options.targetQuerySeconds(), false)
                .addString("output_dir", request.outputDir().toAbsolutePath().toString(), false)
                .addString("output", request.html() ? "html" : "json", false)
                .addLong("max_html_rows", (long) request.maxHtmlRows(), false)
                .toJobParameters();
    }

    @Override
    public TableDiffRequest decode(JobParameters p) {
        String nodes = p.getString("nodes", "");
        DiffOptions options = new DiffOptions(nodes.isEmpty() ? List.of() : Arrays.asList(nodes.split(",")),
                p.getLong("block_size").intValue(), p.getDouble("concurrency_factor"),
                p.getLong("compare_unit_size").intValue(), p.getLong("max_diff_rows"),
                p.getString("table_filter", ""), Equality.valueOf(p.getString("equality").toUpperCase()),
                Boolean.parseBoolean(p.getString("recheck", "true")),
                p.getLong("recheck_timeout", (long) DiffOptions.DEFAULT_RECHECK_TIMEOUT_SECONDS).intValue(),
                p.getLong("max_load", 0L).intValue(), p.getLong("max_lag", 0L).intValue(), p.getDouble("target_query_time", 0.0));
        return new TableDiffRequest(p.getString("cluster"), TableName.fromRecorded(p.getString("table")), options,
                p.getString("run_key"), Path.of(p.getString("output_dir")), "html".equals(p.getString("output")),
                p.getLong("max_html_rows", (long) HtmlReportWriter.DEFAULT_MAX_ROWS).intValue());
    }
}
