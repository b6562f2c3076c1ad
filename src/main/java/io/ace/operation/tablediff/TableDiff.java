package io.ace.operation.tablediff;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** table-diff: compares one table across the nodes of a cluster. */
public final class TableDiff {

    private TableDiff() {
    }

    public static Operation<TableDiffRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(TableDiffRequest.OPERATION, TableDiffRequest.class)
                .options(TableDiffOptions.class)
                .codec(new TableDiffParameters())
                .role(Role.OPERATOR)
                .counts("differing rows")
                .progressBar()
                .job(() -> new TableDiffJob(resources.get()));
    }
}
