package io.ace.operation.schemadiff;

import io.ace.operation.DiffParameters;
import io.ace.operation.DistributedOption;
import io.ace.operation.ParameterCodec;
import io.ace.operation.RunIdentity;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A schema-diff request as job parameters. Identifying: whether data is compared, the tables left
 * out and the comparison settings.
 */
final class SchemaDiffParameters implements ParameterCodec<SchemaDiffRequest> {

    @Override
    public JobParameters encode(SchemaDiffRequest request) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString("ddl_only", Boolean.toString(request.ddlOnly()));
        DiffParameters.addTableSet(builder, request.skipTables(), request.maxConnections());
        DistributedOption.add(builder, request.distributed());
        return DiffParameters.addOutput(DiffParameters.add(builder, request.options()), request.html(),
                request.maxHtmlRows()).toJobParameters();
    }

    @Override
    public SchemaDiffRequest decode(RunIdentity id, JobParameters p) {
        return new SchemaDiffRequest(id.cluster(), id.target(), Boolean.parseBoolean(p.getString("ddl_only")), DiffParameters.read(p),
                DiffParameters.skipTables(p), DiffParameters.maxConnections(p), id.runKey(), id.outputDir(), DiffParameters.html(p), DiffParameters.maxHtmlRows(p),
                DistributedOption.read(p));
    }
}
