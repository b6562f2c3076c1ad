package io.ace.operation.mtreebuild;

import io.ace.diff.DiffOptions;
import io.ace.mtree.TreeBuild;
import io.ace.operation.ColumnFlags;
import io.ace.operation.DistributedOption;
import io.ace.operation.NodesOptions;
import io.ace.operation.RequestOptions;
import io.ace.operation.RunBasics;
import io.ace.operation.TableArgument;
import io.ace.operation.EqualityOption;
import io.ace.operation.TableTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code ace mtree build [CLUSTER] SCHEMA.TABLE}. */
@Command(name = MtreeBuild.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Builds a table's Merkle tree on every node.",
            "Leaves of about --block-size rows, the same on every (or --nodes) node, hashed by the rules of "
                    + "--equality on every column (or those --columns / --exclude-columns choose, which the tree keeps);"
                    + " changes are captured from the start of the build on."})
public class MtreeBuildOptions extends NodesOptions implements RequestOptions<MtreeBuildRequest> {

    @Mixin
    TableArgument table;

    @Option(names = {"-b", "--block-size"}, paramLabel = "ROWS", description = "Rows per leaf (default: ${DEFAULT-VALUE}); a leaf is split past twice that.")
    int blockSize = TreeBuild.DEFAULT_LEAF_SIZE;

    @Mixin
    EqualityOption equality;

    @Mixin
    ColumnFlags columns;

    @Option(names = {"-c", "--concurrency-factor"}, paramLabel = "F",
            description = "Partitions of leaves hashed at once per processor of this machine (default: ${DEFAULT-VALUE}).")
    double concurrencyFactor = DiffOptions.DEFAULT_CONCURRENCY_FACTOR;

    @Mixin
    DistributedOption distributed;

    @Override
    public MtreeBuildRequest request(RunBasics run) {
        TableTarget target = table.target();
        DiffOptions options = new DiffOptions(nodes, blockSize, concurrencyFactor, DiffOptions.DEFAULT_COMPARE_UNIT_SIZE, 0, null,
                equality.value(), false, 0, 0, 0, 0, columns.choice()).validate();
        return new MtreeBuildRequest(run.cluster(target.cluster()), target.table(), options, run.runKey(), run.outputDir(),
                distributed.value());
    }
}
