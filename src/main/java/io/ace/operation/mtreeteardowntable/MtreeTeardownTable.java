package io.ace.operation.mtreeteardowntable;

import io.ace.batch.BatchResources;
import io.ace.batch.OneStepJob;
import io.ace.mtree.MtreeSetup;
import io.ace.operation.NodesParameters;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import io.ace.operation.TableNodesRequest;
import java.util.function.Supplier;

/** mtree teardown-table: drops one table's tree and stops capturing its changes. */
public final class MtreeTeardownTable {

    public static final String OPERATION = "mtree-teardown-table";

    private MtreeTeardownTable() {
    }

    public static Operation<TableNodesRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(OPERATION, TableNodesRequest.class)
                .inGroup("mtree")
                .options(MtreeTeardownTableOptions.class)
                .codec(NodesParameters.table())
                .role(Role.ADMIN)
                .job(() -> new OneStepJob<>(resources.get(), TableNodesRequest::nodes,
                        (request, sessions) -> "",
                        (request, sessions) -> String.join("\n", MtreeSetup.teardownTable(sessions, request.table()))));
    }
}
