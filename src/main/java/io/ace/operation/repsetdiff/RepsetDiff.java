package io.ace.operation.repsetdiff;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** repset-diff: compares every table of a replication set across the nodes of a cluster. */
public final class RepsetDiff {

    private RepsetDiff() {
    }

    public static Operation<RepsetDiffRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(RepsetDiffRequest.OPERATION, RepsetDiffRequest.class)
                .options(RepsetDiffOptions.class)
                .codec(new RepsetDiffParameters())
                .role(Role.OPERATOR)
                .counts("differences (rows and set findings)")
                .progressBar()
                .job(() -> new RepsetDiffJob(resources.get()));
    }
}
