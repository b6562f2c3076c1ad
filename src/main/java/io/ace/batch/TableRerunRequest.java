package io.ace.batch;

import io.ace.catalog.TableName;
import io.ace.difffile.DiffFileDigest;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** One table-rerun launch: re-check the keys of a diff file. */
public record TableRerunRequest(String cluster, TableName table, Path diffFile, String diffSha256, int compareUnitSize,
                                String runKey, Path outputDir) implements LaunchRequest {

    public static final String JOB_NAME = "table-rerun";

    @Override
    public String operation() {
        return JOB_NAME;
    }

    public static TableRerunRequest of(String cluster, TableName table, Path diffFile, int compareUnitSize, String runKey, Path outputDir) {
        return new TableRerunRequest(cluster, table, diffFile, DiffFileDigest.of(diffFile), compareUnitSize, runKey, outputDir);
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString("operation", JOB_NAME)
                .addString("cluster", cluster)
                .addString("table", table.toString())
                .addString("diff_file", diffFile.toAbsolutePath().toString())
                .addString("diff_sha256", diffSha256)
                .addString("run_key", runKey)
                .addLong("compare_unit_size", (long) compareUnitSize, false)
                .addString("output_dir", outputDir.toAbsolutePath().toString(), false)
                .toJobParameters();
    }

    public static TableRerunRequest fromJobParameters(JobParameters p) {
        return new TableRerunRequest(p.getString("cluster"), TableName.parse(TableDiffRequest.quoted(p.getString("table"))),
                Path.of(p.getString("diff_file")), p.getString("diff_sha256"), p.getLong("compare_unit_size").intValue(),
                p.getString("run_key"), Path.of(p.getString("output_dir")));
    }
}
