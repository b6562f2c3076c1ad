package io.ace.operation.mtreeteardown;

import io.ace.operation.NodesOptions;
import picocli.CommandLine.Command;

/** The options of {@code ace mtree teardown [CLUSTER]}. */
@Command(name = MtreeTeardown.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drops every Merkle-tree object from the nodes, the slot included.",
            "Per node (all, or --nodes): the logical slot, the publication ace_mtree and the schema ace_mtree. Refused "
                    + "(exit 75) while mtree listen reads a node's slot."})
public class MtreeTeardownOptions extends NodesOptions.OnCluster {
}
