package io.ace.operation.schemadiff;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;

/** schema-diff: compares a schema's object definitions, and its tables' data, across the nodes of a cluster. */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    public static Operation<SchemaDiffRequest> operation(BatchResources resources) {
        return new Operation<>(SchemaDiffRequest.OPERATION, SchemaDiffRequest.class, SchemaDiffOptions.class, new SchemaDiffParameters(),
                Role.OPERATOR, true, new SchemaDiffJob(resources));
    }
}
