package io.ace.operation.mtreestatus;

import io.ace.batch.BatchResources;
import io.ace.batch.RunContext;
import io.ace.mtree.TreeStatus;
import io.ace.operation.ClusterRequest;
import io.ace.operation.NodesParameters;
import io.ace.operation.OneStepJob;
import io.ace.operation.Operation;
import io.ace.operation.Role;

/** mtree status: per node, the slot and the WAL it retains, and per tracked table its leaves and pending changes. */
public final class MtreeStatus {

    public static final String OPERATION = "mtree-status";

    private MtreeStatus() {
    }

    /** It only reads, so an operator may run it. */
    public static Operation<ClusterRequest> operation(BatchResources resources) {
        return new Operation<>(OPERATION, ClusterRequest.class, MtreeStatusOptions.class, NodesParameters.cluster(), Role.OPERATOR, false,
                new OneStepJob<>(resources.repository(), resources.transactions(), ClusterRequest::nodes, (request, sessions) -> "",
                        (request, sessions) -> String.join("\n", TreeStatus.lines(sessions)),
                        (execution, summary) -> RunContext.of(execution).summaryLine(summary)));
    }
}
