package io.ace.operation.mtreeupdate;

import io.ace.operation.NodesOptions;
import picocli.CommandLine.Command;

/** The options of {@code ace mtree update [CLUSTER] SCHEMA.TABLE}. */
@Command(name = MtreeUpdate.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Brings a table's Merkle trees up to date.",
            "Reads each node's slot up to the node's current WAL position, marks the leaves of every changed key "
                    + "dirty, rehashes them, splits leaves grown past twice their size on every node, and writes the trees."})
public class MtreeUpdateOptions extends NodesOptions.OnTable {
}
