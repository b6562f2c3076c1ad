package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.cluster.NodePool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One read-only snapshot per node of a cluster, and the threads that query them all at once. */
final class NodeSnapshots implements AutoCloseable {

    private final List<NodeSnapshot> snapshots = new ArrayList<>();
    private final NodeFanOut fanOut;

    /**
     * Sessions are taken in the order of their servers, the same in every run: two runs that each
     * hold part of the nodes' session budgets never wait for each other in a circle. The snapshots'
     * transactions then begin on every node at once, as they end: a round trip each, which nodes
     * across a network pay in parallel rather than one after another.
     */
    NodeSnapshots(ClusterSessions sessions, ComparedTable table) {
        this.fanOut = new NodeFanOut(sessions.pools().size());
        List<NodePool> pools = sessions.pools();
        NodeSnapshot[] opened = new NodeSnapshot[pools.size()];
        try {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pools.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing(i -> pools.get(i).node().server()));
            for (int i : order) {
                opened[i] = new NodeSnapshot(pools.get(i), table.queries(), table.origins());
            }
            snapshots.addAll(List.of(opened));
            onEveryNode(NodeSnapshot::begin);
        } catch (RuntimeException e) {
            snapshots.clear();
            for (NodeSnapshot s : opened) {
                if (s != null) {
                    s.close();
                }
            }
            fanOut.close();
            throw e;
        }
    }

    /** {@code step} on every snapshot at once; its unchecked failures (which name the node) pass unchanged. */
    private void onEveryNode(Consumer<NodeSnapshot> step) {
        fanOut.onEvery(snapshots, NodeSnapshot::node, s -> {
            step.accept(s);
            return true;
        });
    }

    List<NodeSnapshot> all() {
        return snapshots;
    }

    NodeSnapshot first() {
        return snapshots.get(0);
    }

    NodeFanOut fanOut() {
        return fanOut;
    }

    <T> Map<String, T> onEach(NodeFanOut.NodeWork<NodeSnapshot, T> work) throws Exception {
        return fanOut.onEach(snapshots, NodeSnapshot::node, work);
    }

    @Override
    public void close() {
        try {
            onEveryNode(NodeSnapshot::close);
        } catch (RuntimeException e) {
            // interrupted while they ended: each still ends here, once
            snapshots.forEach(NodeSnapshot::close);
        } finally {
            fanOut.close();
        }
    }
}
