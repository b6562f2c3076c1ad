package io.ace.operation.tablediff;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;

/** table-diff: compares one table across the nodes of a cluster. */
public final class TableDiff {

    private TableDiff() {
    }

    public static Operation<TableDiffRequest> operation(BatchResources resources) {
        return new Operation<>(TableDiffRequest.OPERATION, TableDiffRequest.class, TableDiffOptions.class, new TableDiffParameters(),
                Role.OPERATOR, true, new TableDiffJob(resources));
    }
}
