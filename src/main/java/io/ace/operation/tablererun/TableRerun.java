package io.ace.operation.tablererun;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** table-rerun: re-checks only the keys of a diff file, after a repair or to drop transient differences. */
public final class TableRerun {

    private TableRerun() {
    }

    public static Operation<TableRerunRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(TableRerunRequest.OPERATION, TableRerunRequest.class)
                .options(TableRerunOptions.class)
                .codec(new TableRerunParameters())
                .role(Role.OPERATOR)
                .counts("rows still differing")
                .followsDiffFile("Re-run these keys…")
                .job(() -> new TableRerunJob(resources.get()));
    }
}
