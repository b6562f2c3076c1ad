package io.ace.web;

import io.ace.exit.AceException;
import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.NodeDefinition;
import io.ace.replication.NodeHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every node of every cluster in the service file, probed in parallel and remembered for a few
 * seconds, so a wall screen refreshing the dashboard does not hammer the nodes.
 */
public final class NodeHealthBoard {

    static final Duration FRESH_FOR = Duration.ofSeconds(15);

    /** The nodes per cluster, or why the clusters cannot be read. */
    public record Board(Map<String, List<NodeHealth>> clusters, String problem, Instant checkedAt) {

        public boolean allReachable() {
            return problem == null && clusters.values().stream().flatMap(List::stream).allMatch(NodeHealth::reachable);
        }
    }

    private final ClusterRegistry registry;
    private volatile Board last;

    public NodeHealthBoard(ClusterRegistry registry) {
        this.registry = registry;
    }

    public Board board() {
        Board b = last;
        if (b == null || b.checkedAt().plus(FRESH_FOR).isBefore(Instant.now())) {
            b = check();
            last = b;
        }
        return b;
    }

    private Board check() {
        try {
            Map<String, List<CompletableFuture<NodeHealth>>> pending = new LinkedHashMap<>();
            for (String name : registry.serviceFile().clusterNames()) {
                ClusterDefinition cluster = registry.cluster(name);
                List<CompletableFuture<NodeHealth>> nodes = new ArrayList<>();
                for (NodeDefinition node : cluster.nodes().values()) {
                    nodes.add(CompletableFuture.supplyAsync(() -> NodeHealth.check(node)));
                }
                pending.put(name, nodes);
            }
            Map<String, List<NodeHealth>> clusters = new LinkedHashMap<>();
            pending.forEach((name, nodes) -> clusters.put(name, nodes.stream().map(CompletableFuture::join).toList()));
            return new Board(clusters, null, Instant.now());
        } catch (AceException e) {
            return new Board(Map.of(), e.getMessage(), Instant.now());
        }
    }
}
