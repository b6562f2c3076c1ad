package io.ace.operation.tablerepair;

import io.ace.catalog.TableName;
import io.ace.operation.DistributedOption;
import io.ace.operation.ParameterCodec;
import io.ace.repair.RepairOptions;
import io.ace.report.HtmlReportWriter;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** A table-repair request as job parameters: the diff file (path and sha256), the mode and the source identify the run. */
final class TableRepairParameters implements ParameterCodec<TableRepairRequest> {

    @Override
    public JobParameters encode(TableRepairRequest request) {
        RepairOptions options = request.options();
        return DistributedOption.add(new JobParametersBuilder(), request.distributed())
                .addString("operation", TableRepairRequest.OPERATION)
                .addString("cluster", request.cluster())
                .addString("table", request.table().toString())
                .addString("diff_file", request.diffFile().toAbsolutePath().toString())
                .addString("diff_sha256", request.diffSha256())
                .addString("mode", options.mode())
                .addString("source_of_truth", options.sourceOfTruth() == null ? "" : options.sourceOfTruth())
                .addString("fire_triggers", Boolean.toString(options.fireTriggers()))
                .addString("dry_run", Boolean.toString(options.dryRun()))
                .addString("run_key", request.runKey())
                .addString("output_dir", request.outputDir().toAbsolutePath().toString(), false)
                .addString("generate_report", Boolean.toString(request.generateReport()), false)
                .addLong("max_html_rows", (long) request.maxHtmlRows(), false)
                .toJobParameters();
    }

    @Override
    public TableRepairRequest decode(JobParameters p) {
        String mode = p.getString("mode");
        String source = p.getString("source_of_truth", "");
        RepairOptions options = new RepairOptions(source.isEmpty() ? null : source, mode.equals("upsert-only"),
                mode.equals("insert-only"), mode.equals("bidirectional"), mode.equals("fix-nulls"),
                Boolean.parseBoolean(p.getString("fire_triggers")), Boolean.parseBoolean(p.getString("dry_run")));
        return new TableRepairRequest(p.getString("cluster"), TableName.fromRecorded(p.getString("table")),
                Path.of(p.getString("diff_file")), p.getString("diff_sha256"), options, p.getString("run_key"),
                Path.of(p.getString("output_dir")), Boolean.parseBoolean(p.getString("generate_report")),
                p.getLong("max_html_rows", (long) HtmlReportWriter.DEFAULT_MAX_ROWS).intValue(), DistributedOption.read(p));
    }
}
