package io.ace.operation.tablediff;

import io.ace.catalog.TableName;
import io.ace.operation.DiffParameters;
import io.ace.operation.DistributedOption;
import io.ace.operation.ParameterCodec;
import java.nio.file.Path;
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
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString("operation", TableDiffRequest.OPERATION)
                .addString("cluster", request.cluster())
                .addString("table", request.table().toString())
                .addString("run_key", request.runKey());
        DistributedOption.add(builder, request.distributed());
        return DiffParameters.addOutput(DiffParameters.add(builder, request.options()), request.outputDir(), request.html(),
                request.maxHtmlRows()).toJobParameters();
    }

    @Override
    public TableDiffRequest decode(JobParameters p) {
        return new TableDiffRequest(p.getString("cluster"), TableName.fromRecorded(p.getString("table")), DiffParameters.read(p),
                p.getString("run_key"), Path.of(p.getString("output_dir")), DiffParameters.html(p), DiffParameters.maxHtmlRows(p),
                DistributedOption.read(p));
    }
}
