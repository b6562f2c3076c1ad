package io.ace.web;

import io.ace.exit.AceException;
import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.NodeDefinition;
import io.ace.cluster.SessionBudget;
import io.ace.replication.NodeHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every node of every cluster in the service file, probed in parallel and remembered for a few
 * seconds, so a wall screen refreshing the dashboard, or anyone asking {@code /actuator/health},
 * does not hammer the nodes: one probe at a time (callers meanwhile read the last board), each
 * with one session per node from the process's session budget.
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
    private final SessionBudget budget;
    private final ReentrantLock probing = new ReentrantLock();
    private volatile Board last;

    public NodeHealthBoard(ClusterRegistry registry, SessionBudget budget) {
        this.registry = registry;
        this.budget = budget;
    }

    public Board board() {
        Board b = last;
        if (b != null && fresh(b)) {
            return b;
        }
        if (b != null && !probing.tryLock()) {
            // another caller is probing the nodes: the last board until it is done
            return b;
        }
        if (b == null) {
            probing.lock();
        }
        try {
            b = last;
            if (b == null || !fresh(b)) {
                b = check();
                last = b;
            }
            return b;
        } finally {
            probing.unlock();
        }
    }

    private static boolean fresh(Board b) {
        return !b.checkedAt().plus(FRESH_FOR).isBefore(Instant.now());
    }

    private Board check() {
        try {
            Map<String, List<CompletableFuture<NodeHealth>>> pending = new LinkedHashMap<>();
            for (String name : registry.serviceFile().clusterNames()) {
                ClusterDefinition cluster = registry.cluster(name);
                List<CompletableFuture<NodeHealth>> nodes = new ArrayList<>();
                for (NodeDefinition node : cluster.nodes().values()) {
                    nodes.add(CompletableFuture.supplyAsync(() -> NodeHealth.check(node, budget)));
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
