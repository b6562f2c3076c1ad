package io.ace.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One {@link NodePool} per selected node of a cluster, for one run, closed together. */
public final class ClusterSessions implements AutoCloseable {

    private final ClusterDefinition cluster;
    private final List<NodePool> pools;

    public ClusterSessions(ClusterDefinition cluster, List<NodeDefinition> nodes, SessionBudget budget) {
        this.cluster = cluster;
        List<NodePool> list = new ArrayList<>();
        for (NodeDefinition n : nodes) {
            list.add(new NodePool(n, budget));
        }
        this.pools = Collections.unmodifiableList(list);
    }

    public ClusterDefinition cluster() {
        return cluster;
    }

    public List<NodePool> pools() {
        return pools;
    }

    public List<String> nodeNames() {
        return pools.stream().map(NodePool::name).toList();
    }

    @Override
    public void close() {
        pools.forEach(NodePool::close);
    }
}
