package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Re-reads only the given keys on every node, in batches (no scan of the table), and returns
 * those that still differ. Used after a repair and by table-rerun.
 */
public final class KeyRecheck implements AutoCloseable {

    private final NodeSnapshots nodes;

    public KeyRecheck(ClusterSessions sessions, ComparedTable table) {
        this.nodes = new NodeSnapshots(sessions, table);
    }

    /** The keys of {@code keys} (each the key's column values as text) whose rows differ between nodes, in key order. */
    public List<KeyDifference> stillDiffering(List<List<String>> keys) throws Exception {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<List<String>> ordered = nodes.first().inKeyOrder(keys);
        Map<String, Map<String, NodeRow>> fetched = nodes.onEach(n -> n.rows(ordered));
        List<KeyDifference> differing = new ArrayList<>();
        for (List<String> key : ordered) {
            KeyDifference d = BlockComparer.difference(key, fetched);
            if (d.rows().size() != nodes.all().size() || new HashSet<>(d.rows().values().stream().map(NodeRow::hash).toList()).size() > 1) {
                if (!d.rows().isEmpty()) {
                    differing.add(d);
                }
            }
        }
        return differing;
    }

    @Override
    public void close() {
        nodes.close();
    }
}
