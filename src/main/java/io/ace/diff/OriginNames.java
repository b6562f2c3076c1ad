package io.ace.diff;

import java.util.Map;

/**
 * What a row's commit origin id means on each node: the cluster node (or the origin's name) by
 * id, per node, since each node numbers its origins itself. Id 0 is a change made on the node.
 */
public record OriginNames(Map<String, Map<Integer, String>> byNode) {

    public OriginNames {
        byNode = Map.copyOf(byNode);
    }

    /** A row's origin on {@code node} from its origin id and commit time (both null when the node no longer knows them). */
    RowOrigin of(String node, Integer id, String commitTs) {
        if (id == null && commitTs == null) {
            return null;
        }
        String from = id == null || id == 0 ? RowOrigin.LOCAL : byNode.getOrDefault(node, Map.of()).getOrDefault(id, "origin " + id);
        return new RowOrigin(from, commitTs);
    }
}
