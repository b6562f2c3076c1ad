package io.ace.operation.tablerepair;

import io.ace.catalog.TableName;
import io.ace.operation.DistributedOption;
import io.ace.operation.ParameterCodec;
import io.ace.operation.RunIdentity;
import io.ace.repair.RepairMode;
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
                .addString("diff_file", request.diffFile().toAbsolutePath().toString())
                .addString("diff_sha256", request.diffSha256())
                .addString("mode", options.mode().label())
                .addString("source_of_truth", options.sourceOfTruth() == null ? "" : options.sourceOfTruth())
                .addString("fire_triggers", Boolean.toString(options.fireTriggers()))
                .addString("dry_run", Boolean.toString(options.dryRun()))
                .addString("recovery", Boolean.toString(options.recovery()))
                .addString("preserve_origin", Boolean.toString(options.preserveOrigin()))
                .addString("repair_plan", request.repairPlan() == null ? "" : request.repairPlan().toAbsolutePath().toString())
                .addString("repair_plan_sha256", request.repairPlanSha256() == null ? "" : request.repairPlanSha256())
                .addString("generate_report", Boolean.toString(request.generateReport()), false)
                .addLong("max_html_rows", (long) request.maxHtmlRows(), false)
                .toJobParameters();
    }

    @Override
    public TableRepairRequest decode(RunIdentity id, JobParameters p) {
        String source = p.getString("source_of_truth", "");
        RepairOptions options = new RepairOptions(source.isEmpty() ? null : source, RepairMode.of(p.getString("mode")),
                Boolean.parseBoolean(p.getString("fire_triggers")), Boolean.parseBoolean(p.getString("dry_run")),
                Boolean.parseBoolean(p.getString("recovery", "false")), Boolean.parseBoolean(p.getString("preserve_origin", "false")));
        return new TableRepairRequest(id.cluster(), TableName.fromRecorded(id.target()),
                Path.of(p.getString("diff_file")), p.getString("diff_sha256"), options, id.runKey(), id.outputDir(), Boolean.parseBoolean(p.getString("generate_report")),
                p.getLong("max_html_rows", (long) HtmlReportWriter.DEFAULT_MAX_ROWS).intValue(), DistributedOption.read(p),
                p.getString("repair_plan", "").isEmpty() ? null : Path.of(p.getString("repair_plan")),
                p.getString("repair_plan_sha256", "").isEmpty() ? null : p.getString("repair_plan_sha256"));
    }
}
