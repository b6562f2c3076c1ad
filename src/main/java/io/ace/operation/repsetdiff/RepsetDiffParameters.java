package io.ace.operation.repsetdiff;

import io.ace.operation.DiffParameters;
import io.ace.operation.DistributedOption;
import io.ace.operation.ParameterCodec;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A repset-diff request as job parameters. Identifying: the cluster, the set, the tables left out,
 * the comparison settings and the run key; the pace, the session budget and the output may change
 * between a run and its resumption.
 */
final class RepsetDiffParameters implements ParameterCodec<RepsetDiffRequest> {

    @Override
    public JobParameters encode(RepsetDiffRequest request) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString("operation", RepsetDiffRequest.OPERATION)
                .addString("cluster", request.cluster())
                .addString("target", request.set())
                .addString("run_key", request.runKey());
        DiffParameters.addTableSet(builder, request.skipTables(), request.maxConnections());
        DistributedOption.add(builder, request.distributed());
        return DiffParameters.addOutput(DiffParameters.add(builder, request.options()), request.outputDir(), request.html(),
                request.maxHtmlRows()).toJobParameters();
    }

    @Override
    public RepsetDiffRequest decode(JobParameters p) {
        return new RepsetDiffRequest(p.getString("cluster"), p.getString("target"), DiffParameters.read(p),
                DiffParameters.skipTables(p), DiffParameters.maxConnections(p), p.getString("run_key"),
                Path.of(p.getString("output_dir")), DiffParameters.html(p), DiffParameters.maxHtmlRows(p), DistributedOption.read(p));
    }
}
