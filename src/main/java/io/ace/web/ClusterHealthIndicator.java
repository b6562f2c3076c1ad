package io.ace.web;

import io.ace.replication.NodeHealth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Node reachability and replication lag in {@code /actuator/health} (details for logged-in users only). */
public final class ClusterHealthIndicator implements HealthIndicator {

    private final NodeHealthBoard board;

    public ClusterHealthIndicator(NodeHealthBoard board) {
        this.board = board;
    }

    @Override
    public Health health() {
        NodeHealthBoard.Board b = board.board();
        if (b.problem() != null) {
            return Health.unknown().withDetail("problem", b.problem()).build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, List<NodeHealth>> c : b.clusters().entrySet()) {
            Map<String, Object> nodes = new LinkedHashMap<>();
            for (NodeHealth n : c.getValue()) {
                nodes.put(n.node(), n.reachable() ? Map.of("reachable", true, "lag_seconds", n.lagSeconds())
                        : Map.of("reachable", false, "problem", n.problem()));
            }
            details.put(c.getKey(), nodes);
        }
        // an unreachable node is the cluster's problem, not the server's: report it, stay UP
        return Health.up().withDetails(details).withDetail("all_nodes_reachable", b.allReachable()).build();
    }
}
