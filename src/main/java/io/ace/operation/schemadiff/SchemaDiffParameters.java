package io.ace.operation.schemadiff;

import io.ace.operation.DiffParameters;
import io.ace.operation.DistributedOption;
import io.ace.operation.ParameterCodec;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A schema-diff request as job parameters. Identifying: the cluster, the schema, whether data is
 * compared, the tables left out, the comparison settings and the run key.
 */
final class SchemaDiffParameters implements ParameterCodec<SchemaDiffRequest> {

    @Override
    public JobParameters encode(SchemaDiffRequest request) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString("operation", SchemaDiffRequest.OPERATION)
                .addString("cluster", request.cluster())
                .addString("target", request.schema())
                .addString("ddl_only", Boolean.toString(request.ddlOnly()))
                .addString("run_key", request.runKey());
        DiffParameters.addTableSet(builder, request.skipTables(), request.maxConnections());
        DistributedOption.add(builder, request.distributed());
        return DiffParameters.addOutput(DiffParameters.add(builder, request.options()), request.outputDir(), request.html(),
                request.maxHtmlRows()).toJobParameters();
    }

    @Override
    public SchemaDiffRequest decode(JobParameters p) {
        return new SchemaDiffRequest(p.getString("cluster"), p.getString("target"), Boolean.parseBoolean(p.getString("ddl_only")),
                DiffParameters.read(p), DiffParameters.skipTables(p), DiffParameters.maxConnections(p),
                p.getString("run_key"), Path.of(p.getString("output_dir")), DiffParameters.html(p), DiffParameters.maxHtmlRows(p),
                DistributedOption.read(p));
    }
}
