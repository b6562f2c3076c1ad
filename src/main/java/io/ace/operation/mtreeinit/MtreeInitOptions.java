package io.ace.operation.mtreeinit;

import io.ace.operation.NodesOptions;
import picocli.CommandLine.Command;

/** The options of {@code ace mtree init [CLUSTER]}. */
@Command(name = MtreeInit.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates the schema, publication and slot of the Merkle trees on every node.",
            "Per node (all, or --nodes): schema ace_mtree (unlogged tables, never replicated), publication ace_mtree, "
                    + "logical slot ace_mtree_<database oid> (pgoutput). Needs wal_level = logical."})
public class MtreeInitOptions extends NodesOptions.OnCluster {
}
