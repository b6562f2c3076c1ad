package io.ace.operation.mtreebuild;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** mtree build: a table's Merkle tree on every node, a partitioned, restartable job. */
public final class MtreeBuild {

    public static final String OPERATION = "mtree-build";

    private MtreeBuild() {
    }

    public static Operation<MtreeBuildRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(OPERATION, MtreeBuildRequest.class)
                .inGroup("mtree")
                .options(MtreeBuildOptions.class)
                .codec(new MtreeBuildParameters())
                .role(Role.ADMIN)
                .progressBar()
                .job(() -> new MtreeBuildJob(resources.get()));
    }
}
