package io.ace.operation.mtreelisten;

import io.ace.batch.BatchResources;
import io.ace.operation.ClusterRequest;
import io.ace.operation.NodesParameters;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** mtree listen: captures changes on every node and keeps the trees current until it is stopped. */
public final class MtreeListen {

    public static final String OPERATION = "mtree-listen";

    private MtreeListen() {
    }

    public static Operation<ClusterRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(OPERATION, ClusterRequest.class)
                .inGroup("mtree")
                .options(MtreeListenOptions.class)
                .codec(NodesParameters.cluster())
                .role(Role.ADMIN)
                .job(() -> new MtreeListenJob(resources.get()));
    }
}
