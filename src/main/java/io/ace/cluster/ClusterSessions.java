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

    /** The region every selected node is in, or null when they are in none or in different ones. */
    public String region() {
        List<String> regions = pools.stream().map(p -> p.node().region()).distinct().toList();
        return regions.size() == 1 ? regions.get(0) : null;
    }

    /** The region of one selected node, or null. */
    public String region(String node) {
        return pools.stream().filter(p -> p.name().equals(node)).findFirst().map(p -> p.node().region()).orElse(null);
    }

    /** The sessions of one selected node. */
    public NodePool pool(String node) {
        return pools.stream().filter(p -> p.name().equals(node)).findFirst()
                .orElseThrow(() -> new IllegalStateException("node " + node + " has no session in this run"));
    }

    @Override
    public void close() {
        pools.forEach(NodePool::close);
    }
}
