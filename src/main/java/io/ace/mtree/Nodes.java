package io.ace.mtree;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodePool;
import io.ace.diff.NodeFanOut;
import java.util.Map;

/** Runs one piece of work on every node of a run at once, results by node name. */
final class Nodes {

    private Nodes() {
    }

    static <T> Map<String, T> onEach(ClusterSessions sessions, NodeFanOut.NodeWork<NodePool, T> work) throws Exception {
        try (NodeFanOut fanOut = new NodeFanOut(sessions.pools().size())) {
            return fanOut.onEach(sessions.pools(), NodePool::name, work);
        }
    }
}
