package io.ace.operation.tablererun;

import io.ace.catalog.TableName;
import io.ace.operation.ParameterCodec;
import io.ace.operation.RunIdentity;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** A table-rerun request as job parameters: the diff file (path and sha256) identifies the run. */
final class TableRerunParameters implements ParameterCodec<TableRerunRequest> {

    @Override
    public JobParameters encode(TableRerunRequest request) {
        return new JobParametersBuilder()
                .addString("diff_file", request.diffFile().toAbsolutePath().toString())
                .addString("diff_sha256", request.diffSha256())
                .addLong("compare_unit_size", (long) request.compareUnitSize(), false)
                .toJobParameters();
    }

    @Override
    public TableRerunRequest decode(RunIdentity id, JobParameters p) {
        return new TableRerunRequest(id.cluster(), TableName.fromRecorded(id.target()), Path.of(p.getString("diff_file")),
                p.getString("diff_sha256"), p.getLong("compare_unit_size").intValue(), id.runKey(), id.outputDir());
    }
}
