package io.ace.operation.mtreeteardowntable;

import io.ace.operation.NodesOptions;
import picocli.CommandLine.Command;

/** The options of {@code ace mtree teardown-table [CLUSTER] SCHEMA.TABLE}. */
@Command(name = MtreeTeardownTable.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drops the table's Merkle tree and queued changes from every (or --nodes) node and takes the table out",
            "of the publication ace_mtree; the slot and the other trees stay."})
public class MtreeTeardownTableOptions extends NodesOptions.OnTable {
}
