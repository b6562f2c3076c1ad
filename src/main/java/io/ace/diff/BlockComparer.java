package io.ace.diff;

import io.ace.cluster.NodeFanOut;
import java.util.ArrayList;
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

    /** Rows whose key hashes one statement streams from each node when narrowing: bounds the memory a group holds. */
    static final long KEY_HASH_ROWS = 200_000;
    /** Ranges this small are narrowed by reading all their key hashes at once, without hashing buckets first. */
    static final long WHOLE_RANGE_ROWS = 2_000;

    private final NodeFanOut fanOut;
    private final CompareUnits units;

    /** One per partition scan: the unit size it learns follows its table's rows. */
    BlockComparer(NodeFanOut fanOut, int compareUnitSize) {
        this.fanOut = fanOut;
        this.units = new CompareUnits(compareUnitSize);
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
        List<KeyRange> mismatched = new ArrayList<>();
        List<Long> mismatchedRows = new ArrayList<>();
        for (int r = 0; r < ranges.size(); r++) {
            if (hashes.get(r).values().stream().distinct().count() > 1) {
                mismatched.add(ranges.get(r));
                mismatchedRows.add(hashes.get(r).values().stream().mapToLong(BlockHash::rows).max().orElse(0));
            }
        }
        return new BlockOutcome(rows, mismatched.size(), narrow(nodes, mismatched, mismatchedRows, sink));
    }

    /**
     * Narrows ranges known to differ, given in key order with their (largest) row counts, in groups
     * of about {@link #KEY_HASH_ROWS} rows: each node hashes the buckets of every range of a group
     * (one statement), then streams the key hashes of only the buckets that differ (one more); the
     * keys that differ have their full rows sent to {@code sink} one compare unit at a time
     * ({@link CompareUnits}). Memory
     * holds one group's differing keys and one unit of full rows, whatever the number of
     * differences. Returns the number of differing keys.
     */
    int narrow(List<NodeSnapshot> nodes, List<KeyRange> ranges, List<Long> rows, DifferenceSink sink) throws Exception {
        int differingKeys = 0;
        for (int from = 0; from < ranges.size(); ) {
            int to = from + 1;
            for (long sum = rows.get(from); to < ranges.size() && sum + rows.get(to) <= KEY_HASH_ROWS; to++) {
                sum += rows.get(to);
            }
            List<KeyRange> group = ranges.subList(from, to);
            List<Long> masks = differingBuckets(nodes, group, rows.subList(from, to));
            List<KeyRange> narrowed = new ArrayList<>();
            List<Long> narrowedMasks = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                if (masks.get(i) != 0) {
                    narrowed.add(group.get(i));
                    narrowedMasks.add(masks.get(i));
                }
            }
            List<List<String>> keys = differingKeys(fanOut.onEach(nodes, NodeSnapshot::node, n -> n.keyHashes(narrowed, narrowedMasks)));
            // groups follow each other in key order, so ordering each group's keys orders the block's
            List<List<String>> ordered = keys.size() > 1 ? nodes.get(0).inKeyOrder(keys) : keys;
            for (int at = 0; at < ordered.size(); ) {
                int size = Math.min(units.next(), ordered.size() - at);
                List<KeyDifference> unit = withRows(fanOut, nodes, ordered.subList(at, at + size));
                units.fetched(unit);
                // a key found in an incremental run's window on one node only is read whole everywhere: alike after all, it is no difference
                List<KeyDifference> differing = unit.stream().filter(d -> !d.resolved(nodes.size())).toList();
                if (!differing.isEmpty()) {
                    sink.accept(differing);
                }
                at += size;
            }
            differingKeys += ordered.size();
            from = to;
        }
        return differingKeys;
    }

    /**
     * For each range, the mask of its buckets whose count and hash are not the same on every node
     * (0: the range agrees after all). An open-ended range, or one of at most {@link #WHOLE_RANGE_ROWS}
     * rows, is not bucketed and is read whole (-1): one pass costs less than two.
     */
    private List<Long> differingBuckets(List<NodeSnapshot> nodes, List<KeyRange> ranges, List<Long> rows) throws Exception {
        List<Boolean> bucketed = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            KeyRange r = ranges.get(i);
            bucketed.add(r.lower() != null && r.upper() != null && rows.get(i) > WHOLE_RANGE_ROWS);
        }
        List<KeyRange> bounded = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            if (bucketed.get(i)) {
                bounded.add(ranges.get(i));
            }
        }
        Map<String, Map<Long, BlockHash>> buckets = bounded.isEmpty() ? Map.of() : fanOut.onEach(nodes, NodeSnapshot::node, n -> n.bucketHashes(bounded));
        long[] boundedMasks = new long[bounded.size()];
        Set<Long> all = new HashSet<>();
        buckets.values().forEach(b -> all.addAll(b.keySet()));
        for (long bucket : all) {
            if (buckets.values().stream().map(b -> b.get(bucket)).distinct().count() > 1) {
                boundedMasks[(int) (bucket / TableQueries.BUCKETS)] |= 1L << (bucket % TableQueries.BUCKETS);
            }
        }
        List<Long> masks = new ArrayList<>(ranges.size());
        int next = 0;
        for (boolean b : bucketed) {
            masks.add(b ? boundedMasks[next++] : -1L);
        }
        return masks;
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
        Map<String, Map<String, NodeRow>> fetched = fanOut.onEach(nodes, NodeSnapshot::node, n -> n.rows(keys));
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
        return new KeyDifference(key, rows, KeyDifference.oddNode(fetched.keySet(), rows));
    }
}
