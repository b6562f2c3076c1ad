package io.ace.operation.mtreeteardowntable;

import io.ace.batch.BatchResources;
import io.ace.batch.RunContext;
import io.ace.mtree.MtreeSetup;
import io.ace.operation.NodesParameters;
import io.ace.operation.OneStepJob;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import io.ace.operation.TableNodesRequest;

/** mtree teardown-table: drops one table's tree and stops capturing its changes. */
public final class MtreeTeardownTable {

    public static final String OPERATION = "mtree-teardown-table";

    private MtreeTeardownTable() {
    }

    public static Operation<TableNodesRequest> operation(BatchResources resources) {
        return new Operation<>(OPERATION, TableNodesRequest.class, MtreeTeardownTableOptions.class, NodesParameters.table(), Role.ADMIN,
                false, new OneStepJob<>(resources.repository(), resources.transactions(), TableNodesRequest::nodes,
                        (request, sessions) -> "",
                        (request, sessions) -> String.join("\n", MtreeSetup.teardownTable(sessions, request.table())),
                        (execution, summary) -> RunContext.of(execution).summaryLine(summary)));
    }
}
