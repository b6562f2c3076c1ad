package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-reads only given keys on every node (no scan of the table), from one snapshot per node
 * taken when it is opened. Row hashes are read first; full rows only for the keys that still
 * differ or whose rows changed, so re-checking keys that did not change costs an index lookup
 * each. Used by the diff's re-check, after a repair, and by table-rerun. Keys are given in key
 * order, as the nodes print them, and a call is one batch (the callers size it).
 */
public final class KeyRecheck implements AutoCloseable {

    private final NodeSnapshots nodes;

    /** Snapshots of every node taken now. */
    public KeyRecheck(ClusterSessions sessions, ComparedTable table) {
        this.nodes = new NodeSnapshots(sessions, table);
    }

    /** How many of {@code keys} differ between nodes now. */
    public int countStillDiffering(List<List<String>> keys) throws Exception {
        return differing(keys, hashes(keys)).size();
    }

    /** The keys of {@code keys} whose rows differ between nodes now, with their rows, in the order given. */
    public List<KeyDifference> stillDiffering(List<List<String>> keys) throws Exception {
        return withRows(differing(keys, hashes(keys)));
    }

    /**
     * What the recorded differences are now, position by position: the same object when no node's
     * row changed, null when the key no longer differs, the rows read now when it still differs
     * but a row changed.
     */
    public List<KeyDifference> current(List<KeyDifference> recorded) throws Exception {
        Map<String, Map<String, Long>> now = hashes(recorded.stream().map(KeyDifference::key).toList());
        List<KeyDifference> current = new ArrayList<>(recorded.size());
        List<Integer> changed = new ArrayList<>();
        for (KeyDifference d : recorded) {
            String joined = NodeSnapshot.joinKey(d.key());
            if (!differs(joined, now)) {
                current.add(null);
                continue;
            }
            if (!sameAsRecorded(d, joined, now)) {
                changed.add(current.size());
            }
            current.add(d);
        }
        List<KeyDifference> reread = withRows(changed.stream().map(i -> current.get(i).key()).toList());
        for (int i = 0; i < changed.size(); i++) {
            current.set(changed.get(i), reread.get(i));
        }
        return current;
    }

    /** Row hash by key on each node, for the keys that exist there. */
    private Map<String, Map<String, Long>> hashes(List<List<String>> keys) throws Exception {
        return nodes.onEach(n -> n.hashes(keys));
    }

    private List<List<String>> differing(List<List<String>> keys, Map<String, Map<String, Long>> hashes) {
        List<List<String>> differing = new ArrayList<>();
        for (List<String> key : keys) {
            if (differs(NodeSnapshot.joinKey(key), hashes)) {
                differing.add(key);
            }
        }
        return differing;
    }

    /** Whether the nodes disagree on a key: a different hash, or a row some nodes lack (a key no node has agrees). */
    private static boolean differs(String joined, Map<String, Map<String, Long>> hashes) {
        Long first = null;
        boolean firstSeen = false;
        for (Map<String, Long> node : hashes.values()) {
            Long h = node.get(joined);
            if (!firstSeen) {
                first = h;
                firstSeen = true;
            } else if (!java.util.Objects.equals(first, h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAsRecorded(KeyDifference d, String joined, Map<String, Map<String, Long>> now) {
        for (Map.Entry<String, Map<String, Long>> node : now.entrySet()) {
            NodeRow recorded = d.rows().get(node.getKey());
            Long hash = node.getValue().get(joined);
            if (recorded == null ? hash != null : hash == null || hash != recorded.hash()) {
                return false;
            }
        }
        return true;
    }

    private List<KeyDifference> withRows(List<List<String>> keys) throws Exception {
        return BlockComparer.withRows(nodes.fanOut(), nodes.all(), keys);
    }

    @Override
    public void close() {
        nodes.close();
    }
}
