package io.ace.operation.mtreeinit;

import io.ace.batch.BatchResources;
import io.ace.batch.OneStepJob;
import io.ace.mtree.MtreeSetup;
import io.ace.operation.ClusterRequest;
import io.ace.operation.NodesParameters;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** mtree init: per node, the metadata schema, publication and logical slot the Merkle trees need. */
public final class MtreeInit {

    public static final String OPERATION = "mtree-init";

    private MtreeInit() {
    }

    public static Operation<ClusterRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(OPERATION, ClusterRequest.class)
                .inGroup("mtree")
                .options(MtreeInitOptions.class)
                .codec(NodesParameters.cluster())
                .role(Role.ADMIN)
                .job(() -> new OneStepJob<>(resources.get(), ClusterRequest::nodes, (request, sessions) -> "",
                        (request, sessions) -> String.join("\n", MtreeSetup.init(sessions))));
    }
}
