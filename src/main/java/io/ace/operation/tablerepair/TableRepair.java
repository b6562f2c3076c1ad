package io.ace.operation.tablerepair;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** table-repair: makes the other nodes match a source of truth for exactly the rows of a diff file. Writes to nodes: ADMIN. */
public final class TableRepair {

    private TableRepair() {
    }

    public static Operation<TableRepairRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(TableRepairRequest.OPERATION, TableRepairRequest.class)
                .options(TableRepairOptions.class)
                .codec(new TableRepairParameters())
                .role(Role.ADMIN)
                .counts("keys still differing")
                .progressBar()
                .followsDiffFile("Repair these rows…")
                .job(() -> new TableRepairJob(resources.get()));
    }
}
