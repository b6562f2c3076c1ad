package io.ace.operation.mtreetablediff;

import io.ace.diff.DiffOptions;
import io.ace.operation.NodesOptions;
import io.ace.operation.RequestOptions;
import io.ace.operation.RunBasics;
import io.ace.operation.TableTarget;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code ace mtree table-diff [CLUSTER] SCHEMA.TABLE}. */
@Command(name = MtreeTableDiff.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares a table through its Merkle trees.",
            "Updates the trees (as mtree update), compares them across the nodes from the root down, and writes the "
                    + "rows of the differing leaves to the ordinary diff file <schema>_<table>_diffs-<ts>.json."})
public class MtreeTableDiffOptions extends NodesOptions implements RequestOptions<MtreeTableDiffRequest> {

    @Parameters(arity = "1..2", paramLabel = "[CLUSTER] SCHEMA.TABLE",
            description = "The cluster (default: ace.default-cluster, or the only one in the service file) and the table.")
    List<String> positional = new ArrayList<>();

    @Option(names = "--compare-unit-size", paramLabel = "KEYS",
            description = "Keys per batch when fetching the full rows of differing keys (default: ${DEFAULT-VALUE}).")
    int compareUnitSize = DiffOptions.DEFAULT_COMPARE_UNIT_SIZE;

    @Option(names = "--max-diff-rows", paramLabel = "N",
            description = "Differing rows reported per node pair; 0 means no limit (default: ${DEFAULT-VALUE}).")
    long maxDiffRows = DiffOptions.DEFAULT_MAX_DIFF_ROWS;

    @Option(names = "--no-recheck", negatable = false,
            description = "Report differing keys as first seen, without re-reading them after pending replication is applied.")
    boolean noRecheck;

    @Option(names = "--recheck-timeout", paramLabel = "SECONDS",
            description = "How long the re-check waits for replication to catch up (default: ${DEFAULT-VALUE}).")
    int recheckTimeout = DiffOptions.DEFAULT_RECHECK_TIMEOUT_SECONDS;

    @Override
    public MtreeTableDiffRequest request(RunBasics run) {
        TableTarget target = TableTarget.of(positional);
        DiffOptions options = new DiffOptions(nodes, DiffOptions.DEFAULT_BLOCK_SIZE, DiffOptions.DEFAULT_CONCURRENCY_FACTOR, compareUnitSize,
                maxDiffRows, null, null, !noRecheck, recheckTimeout, 0, 0, 0).validate();
        return new MtreeTableDiffRequest(target.cluster(), target.table(), options, run.runKey(), run.outputDir());
    }
}
