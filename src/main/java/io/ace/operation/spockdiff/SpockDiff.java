package io.ace.operation.spockdiff;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;

/** spock-diff: compares the replication configuration of the nodes of a cluster (Spock, pglogical or native). */
public final class SpockDiff {

    private SpockDiff() {
    }

    public static Operation<SpockDiffRequest> operation(BatchResources resources) {
        return new Operation<>(SpockDiffRequest.OPERATION, SpockDiffRequest.class, SpockDiffOptions.class, new SpockDiffParameters(),
                Role.OPERATOR, false, new SpockDiffJob(resources));
    }
}
