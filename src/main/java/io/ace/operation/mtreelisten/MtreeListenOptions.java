package io.ace.operation.mtreelisten;

import io.ace.operation.NodesOptions;
import picocli.CommandLine.Command;

/** The options of {@code ace mtree listen [CLUSTER]}. */
@Command(name = MtreeListen.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Keeps the Merkle trees current until stopped.",
            "Reads every (or --nodes) node's slot continuously and rehashes dirty leaves every few seconds, until "
                    + "stopped (Ctrl-C, SIGTERM or 'ace jobs stop'; exit 3). Updates and diffs keep working while it runs."})
public class MtreeListenOptions extends NodesOptions.OnCluster {
}
