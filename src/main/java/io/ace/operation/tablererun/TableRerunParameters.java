package io.ace.operation.tablererun;

import io.ace.catalog.TableName;
import io.ace.operation.ParameterCodec;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** A table-rerun request as job parameters: the diff file (path and sha256) identifies the run. */
final class TableRerunParameters implements ParameterCodec<TableRerunRequest> {

    @Override
    public JobParameters encode(TableRerunRequest request) {
        return new JobParametersBuilder()
                .addString("operation", TableRerunRequest.OPERATION)
                .addString("cluster", request.cluster())
                .addString("table", request.table().toString())
                .addString("diff_file", request.diffFile().toAbsolutePath().toString())
                .addString("diff_sha256", request.diffSha256())
                .addString("run_key", request.runKey())
                .addLong("compare_unit_size", (long) request.compareUnitSize(), false)
                .addString("output_dir", request.outputDir().toAbsolutePath().toString(), false)
                .toJobParameters();
    }

    @Override
    public TableRerunRequest decode(JobParameters p) {
        return new TableRerunRequest(p.getString("cluster"), TableName.fromRecorded(p.getString("table")),
                Path.of(p.getString("diff_file")), p.getString("diff_sha256"), p.getLong("compare_unit_size").intValue(),
                p.getString("run_key"), Path.of(p.getString("output_dir")));
    }
}
