package io.ace.operation.spockdiff;

import io.ace.operation.ParameterCodec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** A spock-diff request as job parameters. Identifying: the cluster, the nodes and the run key. */
final class SpockDiffParameters implements ParameterCodec<SpockDiffRequest> {

    @Override
    public JobParameters encode(SpockDiffRequest request) {
        return new JobParametersBuilder()
                .addString("operation", SpockDiffRequest.OPERATION)
                .addString("cluster", request.cluster())
                .addString("target", request.target())
                .addString("nodes", String.join(",", request.nodes()))
                .addString("run_key", request.runKey())
                .addString("output_dir", request.outputDir().toAbsolutePath().toString(), false)
                .addString("output", request.html() ? "html" : "json", false)
                .toJobParameters();
    }

    @Override
    public SpockDiffRequest decode(JobParameters p) {
        String nodes = p.getString("nodes", "");
        return new SpockDiffRequest(p.getString("cluster"), nodes.isEmpty() ? List.of() : Arrays.asList(nodes.split(",")),
                p.getString("run_key"), Path.of(p.getString("output_dir")), "html".equals(p.getString("output")));
    }
}
