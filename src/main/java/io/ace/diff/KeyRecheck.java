package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-reads only the given keys on every node, in batches (no scan of the table), and returns
 * those that still differ. Used after a repair and by table-rerun.
 */
public final class KeyRecheck implements AutoCloseable {

    private final NodeSnapshots nodes;
    private final int unit;

    /** Snapshots of every node taken now; keys are read back {@code unit} at a time. */
    public KeyRecheck(ClusterSessions sessions, ComparedTable table, int unit) {
        this.nodes = new NodeSnapshots(sessions, table);
        this.unit = unit;
    }

    /** The keys of {@code keys} (each the key's column values as text) whose rows differ between nodes, in key order. */
    public List<KeyDifference> stillDiffering(List<List<String>> keys) throws Exception {
        List<KeyDifference> differing = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += unit) {
            List<List<String>> ordered = nodes.first().inKeyOrder(keys.subList(from, Math.min(keys.size(), from + unit)));
            Map<String, Map<String, NodeRow>> fetched = nodes.onEach(n -> n.rows(ordered));
            for (List<String> key : ordered) {
                KeyDifference d = BlockComparer.difference(key, fetched);
                if (!d.resolved(nodes.all().size())) {
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
