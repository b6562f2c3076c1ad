package io.ace.operation.mtreetablediff;

import io.ace.catalog.TableName;
import io.ace.diff.ColumnChoice;
import io.ace.diff.DiffOptions;
import io.ace.operation.NodesParameters;
import io.ace.operation.ParameterCodec;
import io.ace.operation.RunIdentity;
import org.springframework.batch.core.job.parameters.JobParameters;

/** An mtree table-diff as job parameters. Identifying: nodes and row limit. */
final class MtreeTableDiffParameters implements ParameterCodec<MtreeTableDiffRequest> {

    @Override
    public JobParameters encode(MtreeTableDiffRequest request) {
        DiffOptions options = request.options();
        return NodesParameters.builder(options.nodes())
                .addLong("max_diff_rows", options.maxDiffRows())
                .addLong("compare_unit_size", (long) options.compareUnitSize(), false)
                .addString("recheck", Boolean.toString(options.recheck()), false)
                .addLong("recheck_timeout", (long) options.recheckTimeoutSeconds(), false)
                .toJobParameters();
    }

    @Override
    public MtreeTableDiffRequest decode(RunIdentity id, JobParameters p) {
        DiffOptions options = new DiffOptions(NodesParameters.nodes(p), DiffOptions.DEFAULT_BLOCK_SIZE, DiffOptions.DEFAULT_CONCURRENCY_FACTOR,
                p.getLong("compare_unit_size").intValue(), p.getLong("max_diff_rows"), null, null,
                Boolean.parseBoolean(p.getString("recheck", "true")), p.getLong("recheck_timeout").intValue(), 0, 0, 0,
                ColumnChoice.ALL);
        return new MtreeTableDiffRequest(id.cluster(), TableName.fromRecorded(id.target()), options, id.runKey(), id.outputDir());
    }
}
