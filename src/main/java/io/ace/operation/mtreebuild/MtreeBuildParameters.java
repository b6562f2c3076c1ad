package io.ace.operation.mtreebuild;

import io.ace.catalog.TableName;
import io.ace.diff.ColumnChoice;
import io.ace.diff.DiffOptions;
import io.ace.diff.Equality;
import io.ace.operation.DistributedOption;
import io.ace.operation.NodesParameters;
import io.ace.operation.ParameterCodec;
import io.ace.operation.RunIdentity;
import org.springframework.batch.core.job.parameters.JobParameters;

/** An mtree build as job parameters. Identifying: nodes, block size, equality and columns; not the concurrency nor --distributed. */
final class MtreeBuildParameters implements ParameterCodec<MtreeBuildRequest> {

    @Override
    public JobParameters encode(MtreeBuildRequest request) {
        return DistributedOption.add(NodesParameters.builder(request.options().nodes()), request.distributed())
                .addLong("block_size", (long) request.options().blockSize())
                .addString("equality", request.options().equality().name().toLowerCase())
                .addString("columns", request.options().columns().all() ? "" : request.options().columns().describe())
                .addDouble("concurrency_factor", request.options().concurrencyFactor(), false)
                .toJobParameters();
    }

    @Override
    public MtreeBuildRequest decode(RunIdentity id, JobParameters p) {
        DiffOptions options = new DiffOptions(NodesParameters.nodes(p), p.getLong("block_size").intValue(), p.getDouble("concurrency_factor"),
                DiffOptions.DEFAULT_COMPARE_UNIT_SIZE, 0, null, Equality.parse(p.getString("equality")), false, 0, 0, 0, 0,
                ColumnChoice.parse(p.getString("columns", "")));
        return new MtreeBuildRequest(id.cluster(), TableName.fromRecorded(id.target()), options, id.runKey(), id.outputDir(),
                DistributedOption.read(p));
    }
}
