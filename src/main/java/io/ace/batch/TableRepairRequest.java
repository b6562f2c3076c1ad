package io.ace.batch;

import io.ace.catalog.TableName;
import io.ace.difffile.DiffFileDigest;
import io.ace.repair.RepairOptions;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One table-repair launch. The diff file's path and sha256 identify the run: the same key with
 * an edited diff file is another run, not a resume.
 */
public record TableRepairRequest(String cluster, TableName table, Path diffFile, String diffSha256, RepairOptions options,
                                 String runKey, Path outputDir, boolean generateReport) implements LaunchRequest {

    public static final String JOB_NAME = "table-repair";

    @Override
    public String operation() {
        return JOB_NAME;
    }

    /** A request for a diff file that exists, identified by its sha256. */
    public static TableRepairRequest of(String cluster, TableName table, Path diffFile, RepairOptions options, String runKey,
                                        Path outputDir, boolean generateReport) {
        return new TableRepairRequest(cluster, table, diffFile, DiffFileDigest.of(diffFile), options, runKey, outputDir, generateReport);
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString("operation", JOB_NAME)
                .addString("cluster", cluster)
                .addString("table", table.toString())
                .addString("diff_file", diffFile.toAbsolutePath().toString())
                .addString("diff_sha256", diffSha256)
                .addString("mode", options.mode())
                .addString("source_of_truth", options.sourceOfTruth() == null ? "" : options.sourceOfTruth())
                .addString("fire_triggers", Boolean.toString(options.fireTriggers()))
                .addString("dry_run", Boolean.toString(options.dryRun()))
                .addString("run_key", runKey)
                .addString("output_dir", outputDir.toAbsolutePath().toString(), false)
                .addString("generate_report", Boolean.toString(generateReport), false)
                .toJobParameters();
    }

    public static TableRepairRequest fromJobParameters(JobParameters p) {
        String mode = p.getString("mode");
        String source = p.getString("source_of_truth", "");
        RepairOptions options = new RepairOptions(source.isEmpty() ? null : source, mode.equals("upsert-only"),
                mode.equals("insert-only"), mode.equals("bidirectional"), mode.equals("fix-nulls"),
                Boolean.parseBoolean(p.getString("fire_triggers")), Boolean.parseBoolean(p.getString("dry_run")));
        return new TableRepairRequest(p.getString("cluster"), TableName.parse(TableDiffRequest.quoted(p.getString("table"))),
                Path.of(p.getString("diff_file")), p.getString("diff_sha256"), options, p.getString("run_key"),
                Path.of(p.getString("output_dir")), Boolean.parseBoolean(p.getString("generate_report")));
    }
}
