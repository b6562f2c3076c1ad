package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One read-only snapshot per node of a cluster, and the threads that query them all at once. */
final class NodeSnapshots implements AutoCloseable {

    private final List<NodeSnapshot> snapshots = new ArrayList<>();
    private final NodeFanOut fanOut;

    NodeSnapshots(ClusterSessions sessions, ComparedTable table) {
        this.fanOut = new NodeFanOut(sessions.pools().size());
        try {
            for (NodePool pool : sessions.pools()) {
                snapshots.add(new NodeSnapshot(pool, table.queries()));
            }
        } catch (RuntimeException e) {
            close();
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
        return fanOut.onEach(snapshots, work);
    }

    @Override
    public void close() {
        snapshots.forEach(NodeSnapshot::close);
        fanOut.close();
    }
}
