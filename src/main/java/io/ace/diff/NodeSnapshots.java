package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.cluster.NodePool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One read-only snapshot per node of a cluster, and the threads that query them all at once. */
final class NodeSnapshots implements AutoCloseable {

    private final List<NodeSnapshot> snapshots = new ArrayList<>();
    private final NodeFanOut fanOut;

    /**
     * Sessions are taken in the order of their servers, the same in every run: two runs that each
     * hold part of the nodes' session budgets never wait for each other in a circle.
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
        } catch (RuntimeException e) {
            for (NodeSnapshot s : opened) {
                if (s != null) {
                    s.close();
                }
            }
            fanOut.close();
            throw e;
        }
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
        snapshots.forEach(NodeSnapshot::close);
        fanOut.close();
    }
}
