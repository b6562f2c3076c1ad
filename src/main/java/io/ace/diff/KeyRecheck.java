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

    /** Each of {@code keys} with the row every node holds now (a node without one is absent), in the order given. */
    public List<KeyDifference> rowsOf(List<List<String>> keys) throws Exception {
        return withRows(keys);
    }

    /**
     * A differing key as recorded: its key and each node's row hash (a node missing from the map
     * had no row). What a re-check compares the nodes with, without the rows themselves.
     */
    public record Recorded(List<String> key, Map<String, Long> hashes) {
    }

    /**
     * What recorded differences are now: the positions of those no longer differing, and by
     * position the rows read now of those that still differ but whose rows changed; the others
     * are as recorded.
     */
    public record Current(List<Integer> resolved, Map<Integer, KeyDifference> changed) {

        public boolean asRecorded() {
            return resolved.isEmpty() && changed.isEmpty();
        }
    }

    /** Compares the nodes with the recorded differences, by row hash; full rows are read only for keys whose rows changed. */
    public Current current(List<Recorded> recorded) throws Exception {
        Map<String, Map<String, Long>> now = hashes(recorded.stream().map(Recorded::key).toList());
        List<Integer> resolved = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            String joined = NodeSnapshot.joinKey(recorded.get(i).key());
            if (!differs(joined, now)) {
                resolved.add(i);
            } else if (!sameAsRecorded(recorded.get(i), joined, now)) {
                changed.add(i);
            }
        }
        List<KeyDifference> reread = withRows(changed.stream().map(i -> recorded.get(i).key()).toList());
        Map<Integer, KeyDifference> byPosition = new java.util.LinkedHashMap<>();
        for (int i = 0; i < changed.size(); i++) {
            byPosition.put(changed.get(i), reread.get(i));
        }
        return new Current(resolved, byPosition);
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

    private static boolean sameAsRecorded(Recorded recorded, String joined, Map<String, Map<String, Long>> now) {
        for (Map.Entry<String, Map<String, Long>> node : now.entrySet()) {
            if (!java.util.Objects.equals(recorded.hashes().get(node.getKey()), node.getValue().get(joined))) {
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
