package io.ace.operation.mtreetablediff;

import io.ace.diff.ColumnChoice;
import io.ace.diff.DiffOptions;
import io.ace.operation.FetchOptions;
import io.ace.operation.NodesOptions;
import io.ace.operation.RecheckOptions;
import io.ace.operation.RequestOptions;
import io.ace.operation.RunBasics;
import io.ace.operation.TableArgument;
import io.ace.operation.TableTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The options of {@code ace mtree table-diff [CLUSTER] SCHEMA.TABLE}. */
@Command(name = MtreeTableDiff.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares a table through its Merkle trees.",
            "Updates the trees (as mtree update), compares them across the nodes from the root down, and writes the "
                    + "rows of the differing leaves to the ordinary diff file <schema>_<table>_diffs-<ts>.json."})
public class MtreeTableDiffOptions extends NodesOptions implements RequestOptions<MtreeTableDiffRequest> {

    @Mixin
    TableArgument table;

    @Mixin
    FetchOptions fetch;

    @Mixin
    RecheckOptions recheck;

    @Override
    public MtreeTableDiffRequest request(RunBasics run) {
        TableTarget target = table.target();
        DiffOptions options = new DiffOptions(nodes, DiffOptions.DEFAULT_BLOCK_SIZE, DiffOptions.DEFAULT_CONCURRENCY_FACTOR,
                fetch.compareUnitSize(), fetch.maxDiffRows(), null, null, recheck.recheck(), recheck.timeoutSeconds(), 0, 0, 0,
                ColumnChoice.ALL).validate();
        return new MtreeTableDiffRequest(run.cluster(target.cluster()), target.table(), options, run.runKey(), run.outputDir());
    }
}
