package io.ace.operation.mtreestatus;

import io.ace.operation.NodesOptions;
import picocli.CommandLine.Command;

/** The options of {@code ace mtree status [CLUSTER]}. */
@Command(name = MtreeStatus.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the slots and the trees of every node.",
            "Per node (all, or --nodes): the capture slot (who reads it, retained and unconfirmed WAL, lost or not); "
                    + "per tracked table its leaves, dirty leaves and changes not yet folded into the tree."})
public class MtreeStatusOptions extends NodesOptions.OnCluster {
}
