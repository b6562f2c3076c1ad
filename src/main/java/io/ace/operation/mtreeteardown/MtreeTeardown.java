package io.ace.operation.mtreeteardown;

import io.ace.batch.BatchResources;
import io.ace.batch.OneStepJob;
import io.ace.mtree.MtreeSetup;
import io.ace.operation.ClusterRequest;
import io.ace.operation.NodesParameters;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** mtree teardown: drops every Merkle-tree object from the nodes, the slot included. */
public final class MtreeTeardown {

    public static final String OPERATION = "mtree-teardown";

    private MtreeTeardown() {
    }

    public static Operation<ClusterRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(OPERATION, ClusterRequest.class)
                .inGroup("mtree")
                .options(MtreeTeardownOptions.class)
                .codec(NodesParameters.cluster())
                .role(Role.ADMIN)
                .job(() -> new OneStepJob<>(resources.get(), ClusterRequest::nodes, (request, sessions) -> "",
                        (request, sessions) -> String.join("\n", MtreeSetup.teardown(sessions))));
    }
}
