package io.ace.operation.mtreestatus;

import io.ace.batch.BatchResources;
import io.ace.batch.OneStepJob;
import io.ace.mtree.TreeStatus;
import io.ace.operation.ClusterRequest;
import io.ace.operation.NodesParameters;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** mtree status: per node, the slot and the WAL it retains, and per tracked table its leaves and pending changes. */
public final class MtreeStatus {

    public static final String OPERATION = "mtree-status";

    private MtreeStatus() {
    }

    /** It only reads, so an operator may run it. */
    public static Operation<ClusterRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(OPERATION, ClusterRequest.class)
                .inGroup("mtree")
                .options(MtreeStatusOptions.class)
                .codec(NodesParameters.cluster())
                .role(Role.OPERATOR)
                .job(() -> new OneStepJob<>(resources.get(), ClusterRequest::nodes, (request, sessions) -> "",
                        (request, sessions) -> String.join("\n", TreeStatus.lines(sessions))));
    }
}
