package io.ace.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
     * {@code sink} in key order, one compare unit at a time, so memory holds one unit of full
     * rows whatever the number of differences.
     */
    BlockOutcome compare(List<NodeSnapshot> nodes, List<KeyRange> ranges, List<Map<String, BlockHash>> hashes,
                         DifferenceSink sink) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        hashes.forEach(byNode -> byNode.forEach((node, h) -> rows.merge(node, h.rows(), Long::sum)));
        List<KeyRange> mismatched = new ArrayList<>();
        for (int r = 0; r < ranges.size(); r++) {
            if (hashes.get(r).values().stream().distinct().count() > 1) {
                mismatched.add(ranges.get(r));
            }
        }
        return new BlockOutcome(rows, mismatched.size(), narrow(nodes, mismatched, sink));
    }

    /**
     * Narrows ranges known to differ, given in key order: streams every key's row hash from each
     * node, keeps the keys that differ and sends their full rows to {@code sink} one compare unit at
     * a time. Returns the number of differing keys.
     */
    int narrow(List<NodeSnapshot> nodes, List<KeyRange> ranges, DifferenceSink sink) throws Exception {
        List<List<String>> differing = new ArrayList<>();
        for (KeyRange range : ranges) {
            List<List<String>> keys = differingKeys(fanOut.onEach(nodes, n -> n.keyHashes(range)));
            // ranges follow each other in key order, so sorting each range's keys orders them all
            differing.addAll(keys.size() > 1 ? nodes.get(0).inKeyOrder(keys) : keys);
        }
        for (int from = 0; from < differing.size(); from += compareUnitSize) {
            List<List<String>> unit = differing.subList(from, Math.min(differing.size(), from + compareUnitSize));
            Map<String, Map<String, NodeRow>> fetched = fanOut.onEach(nodes, n -> n.rows(unit));
            List<KeyDifference> differences = new ArrayList<>(unit.size());
            for (List<String> key : unit) {
                differences.add(difference(key, fetched));
            }
            sink.accept(differences);
        }
        return differing.size();
    }

    /** Keys whose row hash is not the same on every node (a node without the row counts as different). */
    private static List<List<String>> differingKeys(Map<String, Map<String, Long>> keyHashes) {
        Set<String> all = new HashSet<>();
        keyHashes.values().forEach(m -> all.addAll(m.keySet()));
        List<List<String>> differing = new ArrayList<>();
        for (String key : all) {
            if (keyHashes.values().stream().map(m -> m.get(key)).distinct().count() > 1) {
                differing.add(NodeSnapshot.splitKey(key));
            }
        }
        return differing;
    }

    /**
     * The rows of one key on each node. Rows re-read here come from the same snapshot as the
     * hashes, so they still differ.
     */
    static KeyDifference difference(List<String> key, Map<String, Map<String, NodeRow>> fetched) {
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
