package io.ace.operation.tablediff;

import io.ace.catalog.TableName;
import io.ace.operation.DiffParameters;
import io.ace.operation.DistributedOption;
import io.ace.operation.ParameterCodec;
import io.ace.operation.RunIdentity;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A table-diff request as job parameters. Identifying: what is compared and how (nodes, filter,
 * block size, equality, row limit); the rest (pace, output) may
 * change between a run and its resumption.
 */
final class TableDiffParameters implements ParameterCodec<TableDiffRequest> {

    @Override
    public JobParameters encode(TableDiffRequest request) {
        JobParametersBuilder builder = DistributedOption.add(new JobParametersBuilder(), request.distributed());
        return DiffParameters.addOutput(DiffParameters.add(builder, request.options()), request.html(), request.maxHtmlRows())
                .toJobParameters();
    }

    @Override
    public TableDiffRequest decode(RunIdentity id, JobParameters p) {
        return new TableDiffRequest(id.cluster(), TableName.fromRecorded(id.target()), DiffParameters.read(p), id.runKey(), id.outputDir(),
                DiffParameters.html(p), DiffParameters.maxHtmlRows(p), DistributedOption.read(p));
    }
}
