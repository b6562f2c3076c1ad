package io.ace.operation.mtreetablediff;

import io.ace.batch.BatchResources;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import java.util.function.Supplier;

/** mtree table-diff: updates the trees, compares them, and writes the rows of differing leaves to the ordinary diff file. */
public final class MtreeTableDiff {

    public static final String OPERATION = "mtree-table-diff";

    private MtreeTableDiff() {
    }

    /** It updates the trees on the nodes, so it needs the role that writes to them. */
    public static Operation<MtreeTableDiffRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(OPERATION, MtreeTableDiffRequest.class)
                .inGroup("mtree")
                .options(MtreeTableDiffOptions.class)
                .codec(new MtreeTableDiffParameters())
                .role(Role.ADMIN)
                .counts("differing rows")
                .job(() -> new MtreeTableDiffJob(resources.get()));
    }
}
