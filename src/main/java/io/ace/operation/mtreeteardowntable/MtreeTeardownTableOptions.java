package io.ace.operation.mtreeteardowntable;

import io.ace.operation.NodesOptions;
import picocli.CommandLine.Command;

/** The options of {@code ace mtree teardown-table [CLUSTER] SCHEMA.TABLE}. */
@Command(name = MtreeTeardownTable.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drops one table's Merkle tree.",
            "Per node (all, or --nodes): the table's tree and queued changes, and the table out of the publication "
                    + "ace_mtree; the slot and the other trees stay."})
public class MtreeTeardownTableOptions extends NodesOptions.OnTable {
}
