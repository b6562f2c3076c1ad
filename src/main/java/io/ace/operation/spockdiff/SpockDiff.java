package io.ace.operation.spockdiff;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** spock-diff: compares the replication configuration of the nodes of a cluster (Spock, pglogical or native). */
public final class SpockDiff {

    private SpockDiff() {
    }

    public static Operation<SpockDiffRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(SpockDiffRequest.OPERATION, SpockDiffRequest.class)
                .options(SpockDiffOptions.class)
                .codec(new SpockDiffParameters())
                .role(Role.OPERATOR)
                .counts("configuration mismatches")
                .job(() -> new SpockDiffJob(resources.get()));
    }
}
