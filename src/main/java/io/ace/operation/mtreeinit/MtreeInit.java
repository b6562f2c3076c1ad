package io.ace.operation.mtreeinit;

import io.ace.batch.BatchResources;
import io.ace.batch.RunContext;
import io.ace.mtree.MtreeSetup;
import io.ace.operation.ClusterRequest;
import io.ace.operation.NodesParameters;
import io.ace.operation.OneStepJob;
import io.ace.operation.Operation;
import io.ace.operation.Role;

/** mtree init: per node, the metadata schema, publication and logical slot the Merkle trees need. */
public final class MtreeInit {

    public static final String OPERATION = "mtree-init";

    private MtreeInit() {
    }

    public static Operation<ClusterRequest> operation(BatchResources resources) {
        return new Operation<>(OPERATION, ClusterRequest.class, MtreeInitOptions.class, NodesParameters.cluster(), Role.ADMIN, false,
                new OneStepJob<>(resources.repository(), resources.transactions(), ClusterRequest::nodes, (request, sessions) -> "",
                        (request, sessions) -> String.join("\n", MtreeSetup.init(sessions)),
                        (execution, summary) -> RunContext.of(execution).summaryLine(summary)));
    }
}
