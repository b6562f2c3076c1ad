package io.ace.operation.schemadiff;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** schema-diff: compares a schema's object definitions, and its tables' data, across the nodes of a cluster. */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    public static Operation<SchemaDiffRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(SchemaDiffRequest.OPERATION, SchemaDiffRequest.class)
                .options(SchemaDiffOptions.class)
                .codec(new SchemaDiffParameters())
                .role(Role.OPERATOR)
                .counts("differences (definitions and rows)")
                .progressBar()
                .job(() -> new SchemaDiffJob(resources.get()));
    }
}
