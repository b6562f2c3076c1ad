package io.ace.operation.spockdiff;

import io.ace.operation.NodesParameters;
import io.ace.operation.ParameterCodec;
import io.ace.operation.RunIdentity;
import org.springframework.batch.core.job.parameters.JobParameters;

/** A spock-diff request as job parameters. Identifying: the nodes. */
final class SpockDiffParameters implements ParameterCodec<SpockDiffRequest> {

    @Override
    public JobParameters encode(SpockDiffRequest request) {
        return NodesParameters.builder(request.nodes())
                .addString("output", request.html() ? "html" : "json", false)
                .toJobParameters();
    }

    @Override
    public SpockDiffRequest decode(RunIdentity id, JobParameters p) {
        return new SpockDiffRequest(id.cluster(), NodesParameters.nodes(p), id.runKey(), id.outputDir(), "html".equals(p.getString("output")));
    }
}
