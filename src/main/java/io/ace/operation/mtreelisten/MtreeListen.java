package io.ace.operation.mtreelisten;

import io.ace.batch.BatchResources;
import io.ace.operation.ClusterRequest;
import io.ace.operation.NodesParameters;
import io.ace.operation.Operation;
import io.ace.operation.Role;

/** mtree listen: captures changes on every node and keeps the trees current until it is stopped. */
public final class MtreeListen {

    public static final String OPERATION = "mtree-listen";

    private MtreeListen() {
    }

    public static Operation<ClusterRequest> operation(BatchResources resources) {
        return new Operation<>(OPERATION, ClusterRequest.class, MtreeListenOptions.class, NodesParameters.cluster(), Role.ADMIN, false,
                new MtreeListenJob(resources));
    }
}
