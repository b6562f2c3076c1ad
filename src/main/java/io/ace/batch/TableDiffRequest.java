package io.ace.batch;

import io.ace.catalog.TableName;
import io.ace.diff.DiffOptions;
import io.ace.diff.Equality;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One table-diff launch: what identifies the run (cluster, table, nodes, filter, sizes, run key)
 * and how its results are written. Converts to and from job parameters, so a restart from the
 * repository rebuilds exactly the same job.
 */
public record TableDiffRequest(String cluster, TableName table, DiffOptions options, String runKey,
                               Path outputDir, boolean html) implements LaunchRequest {

    public static final String JOB_NAME = "table-diff";

    @Override
    public String operation() {
        return JOB_NAME;
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString("operation", JOB_NAME)
                .addString("cluster", cluster)
                .addString("table", table.toString())
                .addString("nodes", String.join(",", options.nodes()))
                .addString("table_filter", options.tableFilter() == null ? "" : options.tableFilter())
                .addLong("block_size", (long) options.blockSize())
                .addString("equality", options.equality().name().toLowerCase())
                .addLong("max_diff_rows", options.maxDiffRows())
                .addString("run_key", runKey)
                .addDouble("concurrency_factor", options.concurrencyFactor(), false)
                .addLong("compare_unit_size", (long) options.compareUnitSize(), false)
                .addString("recheck", Boolean.toString(options.recheck()), false)
                .addLong("recheck_timeout", (long) options.recheckTimeoutSeconds(), false)
                .addLong("max_load", (long) options.maxLoad(), false)
                .addLong("max_lag", (long) options.maxLagSeconds(), false)
                .addDouble("target_query_time", options.targetQuerySeconds(), false)
                .addString("output_dir", outputDir.toAbsolutePath().toString(), false)
                .addString("output", html ? "html" : "json", false);
        return b.toJobParameters();
    }

    public static TableDiffRequest fromJobParameters(JobParameters p) {
        String nodes = p.getString("nodes", "");
        DiffOptions options = new DiffOptions(nodes.isEmpty() ? List.of() : Arrays.asList(nodes.split(",")),
                p.getLong("block_size").intValue(), p.getDouble("concurrency_factor"),
                p.getLong("compare_unit_size").intValue(), p.getLong("max_diff_rows"),
                p.getString("table_filter", ""), Equality.valueOf(p.getString("equality").toUpperCase()),
                Boolean.parseBoolean(p.getString("recheck", "true")),
                p.getLong("recheck_timeout", (long) DiffOptions.DEFAULT_RECHECK_TIMEOUT_SECONDS).intValue(),
                p.getLong("max_load", 0L).intValue(), p.getLong("max_lag", 0L).intValue(), p.getDouble("target_query_time", 0.0));
        return new TableDiffRequest(p.getString("cluster"), TableName.parse(quoted(p.getString("table"))), options,
                p.getString("run_key"), Path.of(p.getString("output_dir")), "html".equals(p.getString("output")));
    }

    /** A fresh run key for launches without {@code --run-key}: every such launch is a new run. */
    public static String newRunKey() {
        return "adhoc-" + UUID.randomUUID();
    }

    static String quoted(String schemaDotTable) {
        int dot = schemaDotTable.indexOf('.');
        return "\"" + schemaDotTable.substring(0, dot).replace("\"", "\"\"") + "\".\""
                + schemaDotTable.substring(dot + 1).replace("\"", "\"\"") + "\"";
    }
}
