package io.ace.operation.mtreeupdate;

import io.ace.batch.BatchResources;
import io.ace.batch.OneStepJob;
import io.ace.diff.DiffOptions;
import io.ace.diff.TablePreflight;
import io.ace.mtree.CaptureHook;
import io.ace.mtree.TreeUpdate;
import io.ace.operation.NodesParameters;
import io.ace.operation.Operation;
import io.ace.operation.Role;
import io.ace.operation.TableNodesRequest;
import java.util.function.Supplier;

/** mtree update: captures the changes committed so far and rehashes the leaves they touched, on every node. */
public final class MtreeUpdate {

    public static final String OPERATION = "mtree-update";

    private MtreeUpdate() {
    }

    public static Operation<TableNodesRequest> operation(Supplier<BatchResources> resources) {
        return Operation.named(OPERATION, TableNodesRequest.class)
                .inGroup("mtree")
                .options(MtreeUpdateOptions.class)
                .codec(NodesParameters.table())
                .role(Role.ADMIN)
                .job(() -> {
                    TablePreflight preflight = new TablePreflight();
                    return new OneStepJob<>(resources.get(), TableNodesRequest::nodes,
                            (request, sessions) -> preflight.check(sessions, request.table(), DiffOptions.defaults()).toString(),
                            (request, sessions) -> new TreeUpdate(sessions,
                                    preflight.check(sessions, request.table(), DiffOptions.defaults()).shape(), CaptureHook.NONE).run().summary());
                });
    }
}
