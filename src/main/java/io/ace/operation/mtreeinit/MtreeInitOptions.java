package io.ace.operation.mtreeinit;

import io.ace.operation.NodesOptions;
import picocli.CommandLine.Command;

/** The options of {@code ace mtree init [CLUSTER]}. */
@Command(name = MtreeInit.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prepares every (or --nodes) node for Merkle trees: creates the schema ace_mtree (unlogged tables, never",
            "replicated), the publication ace_mtree and the logical slot ace_mtree_<database oid> (pgoutput). Needs wal_level = logical."})
public class MtreeInitOptions extends NodesOptions.OnCluster {
}
