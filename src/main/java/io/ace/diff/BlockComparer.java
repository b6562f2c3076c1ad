package io.ace.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one block across nodes: hash each of its ranges on every node at once; only for a
 * range whose hashes disagree, stream every key's row hash from each node, keep the keys that
 * differ, and fetch the full rows of just those keys.
 */
final class BlockComparer {

    private final NodeFanOut fanOut;
    private final int compareUnitSize;

    BlockComparer(NodeFanOut fanOut, int compareUnitSize) {
        this.fanOut = fanOut;
        this.compareUnitSize = compareUnitSize;
    }

    /**
     * Compares a block from its ranges' hashes (per range, by node); differing keys go to
     * {@code sink} in key order, one compare unit at a time. Memory holds one range's row hashes
     * and one unit of full rows, whatever the number of differences.
     */
    BlockOutcome compare(List<NodeSnapshot> nodes, List<KeyRange> ranges, List<Map<String, BlockHash>> hashes,
                         DifferenceSink sink) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        hashes.forEach(byNode -> byNode.forEach((node, h) -> rows.merge(node, h.rows(), Long::sum)));
        int mismatchedRanges = 0;
        int differingKeys = 0;
        for (int r = 0; r < ranges.size(); r++) {
            if (hashes.get(r).values().stream().distinct().count() > 1) {
                mismatchedRanges++;
                KeyRange range = ranges.get(r);
                List<List<String>> keys = differingKeys(fanOut.onEach(nodes, n -> n.keyHashes(range)));
                // ranges follow each other in key order, so ordering each range's keys orders the block's
                List<List<String>> ordered = keys.size() > 1 ? nodes.get(0).inKeyOrder(keys) : keys;
                for (int from = 0; from < ordered.size(); from += compareUnitSize) {
                    sink.accept(withRows(fanOut, nodes, ordered.subList(from, Math.min(ordered.size(), from + compareUnitSize))));
                }
                differingKeys += ordered.size();
            }
        }
        return new BlockOutcome(rows, mismatchedRanges, differingKeys);
    }

    /** Keys whose row hash is not the same on every node (a node without the row counts as different). */
    private static List<List<String>> differingKeys(Map<String, Map<String, Long>> keyHashes) {
        List<Map<String, Long>> byNode = new ArrayList<>(keyHashes.values());
        List<List<String>> differing = new ArrayList<>();
        for (int n = 0; n < byNode.size(); n++) {
            for (Map.Entry<String, Long> e : byNode.get(n).entrySet()) {
                String key = e.getKey();
                // each key once, at the first node that has it
                if (!earlierHas(byNode, n, key) && differs(byNode, key, e.getValue())) {
                    differing.add(NodeSnapshot.splitKey(key));
                }
            }
        }
        return differing;
    }

    /** Whether a node before node {@code n} has the key (it was considered there). */
    private static boolean earlierHas(List<Map<String, Long>> byNode, int n, String key) {
        for (int i = 0; i < n; i++) {
            if (byNode.get(i).containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean differs(List<Map<String, Long>> byNode, String key, long hash) {
        for (Map<String, Long> node : byNode) {
            Long h = node.get(key);
            if (h == null || h != hash) {
                return true;
            }
        }
        return false;
    }

    /** The differences of the given keys, with their rows read on every node at once, in the order given. */
    static List<KeyDifference> withRows(NodeFanOut fanOut, List<NodeSnapshot> nodes, List<List<String>> keys) throws Exception {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, NodeRow>> fetched = fanOut.onEach(nodes, n -> n.rows(keys));
        List<KeyDifference> differences = new ArrayList<>(keys.size());
        for (List<String> key : keys) {
            differences.add(difference(key, fetched));
        }
        return differences;
    }

    /**
     * The rows of one key on each node. Rows re-read here come from the same snapshot as the
     * hashes, so they still differ.
     */
    private static KeyDifference difference(List<String> key, Map<String, Map<String, NodeRow>> fetched) {
        String joined = NodeSnapshot.joinKey(key);
        Map<String, NodeRow> rows = new LinkedHashMap<>();
        fetched.forEach((node, byKey) -> {
            NodeRow row = byKey.get(joined);
            if (row != null) {
                rows.put(node, row);
            }
        });
        return new KeyDifference(key, rows, oddNode(fetched.keySet(), rows));
    }

    /** With 3+ nodes: the one node whose row (or its absence) disagrees with all the others, which agree. */
    static String oddNode(Set<String> nodes, Map<String, NodeRow> rows) {
        if (nodes.size() < 3) {
            return null;
        }
        Map<Long, List<String>> byHash = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String n : nodes) {
            NodeRow r = rows.get(n);
            if (r == null) {
                missing.add(n);
            } else {
                byHash.computeIfAbsent(r.hash(), h -> new ArrayList<>()).add(n);
            }
        }
        List<List<String>> groups = new ArrayList<>(byHash.values());
        if (!missing.isEmpty()) {
            groups.add(missing);
        }
        if (groups.size() != 2) {
            return null;
        }
        List<String> a = groups.get(0);
        List<String> b = groups.get(1);
        if (a.size() == 1 && b.size() == nodes.size() - 1) {
            return a.get(0);
        }
        if (b.size() == 1 && a.size() == nodes.size() - 1) {
            return b.get(0);
        }
        return null;
    }
}
