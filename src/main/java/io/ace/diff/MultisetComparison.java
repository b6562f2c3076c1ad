package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a table without a key as a multiset of whole rows: how many identical copies of each
 * row every node holds. Rows are bucketed by a hash of their row hash; each node counts its rows
 * and sums their hashes per bucket in one scan, and only the buckets whose count or sum differ
 * are read again, as distinct rows with their copies, merged across nodes in row-hash order.
 * Nothing can be located by a range here (no index holds a row's hash), so each pass is one scan
 * per node: splitting the buckets among partitions would cost a scan per partition.
 */
public final class MultisetComparison {

    /** Rows a bucket holds on average: the rows re-read for one differing row. */
    static final long ROWS_PER_BUCKET = 64;
    static final int MIN_BUCKETS = 64;
    /**
     * Most buckets: each node's counts and sums are two arrays of longs, 4 MB a node at this size,
     * held together for the comparison; a table past 16 M rows has more rows per bucket instead.
     */
    static final int MAX_BUCKETS = 1 << 18;

    /**
     * What counting found.
     *
     * @param buckets     the number of hash buckets the rows were counted in
     * @param rowsPerNode every node's row count
     * @param differing   the buckets whose count or hash sum is not the same on every node
     */
    public record Counted(int buckets, Map<String, Long> rowsPerNode, BitSet differing) {
    }

    private final ClusterSessions sessions;
    private final ComparedTable table;

    public MultisetComparison(ClusterSessions sessions, ComparedTable table) {
        this.sessions = sessions;
        this.table = table;
    }

    /** Buckets for a table of about {@code rows} rows: a power of two, about {@link #ROWS_PER_BUCKET} rows each. */
    public static int buckets(long rows) {
        long wanted = Math.max(MIN_BUCKETS, Math.min(MAX_BUCKETS, rows / ROWS_PER_BUCKET));
        return Integer.highestOneBit((int) wanted);
    }

    /**
     * Counts every node's rows per bucket, all nodes at once, and finds the buckets that differ; the
     * buckets follow the largest node's row estimate, read in the same snapshots.
     */
    public Counted count() throws Exception {
        int buckets;
        Map<String, long[][]> byNode;
        try (NodeSnapshots nodes = new NodeSnapshots(sessions, table)) {
            buckets = buckets(nodes.onEach(NodeSnapshot::estimatedRows).values().stream().mapToLong(Long::longValue).max().orElse(0));
            byNode = nodes.onEach(n -> n.multisetBuckets(buckets));
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        byNode.forEach((node, counted) -> {
            long sum = 0;
            for (long c : counted[0]) {
                sum += c;
            }
            rows.put(node, sum);
        });
        List<long[][]> all = new ArrayList<>(byNode.values());
        BitSet differing = new BitSet(buckets);
        for (int b = 0; b < buckets; b++) {
            for (long[][] other : all) {
                if (other[0][b] != all.get(0)[0][b] || other[1][b] != all.get(0)[1][b]) {
                    differing.set(b);
                    break;
                }
            }
        }
        return new Counted(buckets, rows, differing);
    }

    /**
     * Reads the distinct rows of the buckets {@code counted} found differing on every node at once and sends those
     * held in a different number of copies somewhere to {@code sink}, in row-hash order, {@code unit}
     * at a time; memory holds one unit. Returns how many differ.
     */
    public long narrow(Counted counted, int unit, DifferenceSink sink) throws Exception {
        BitSet differing = counted.differing();
        if (differing.isEmpty()) {
            return 0;
        }
        long found = 0;
        try (NodeSnapshots nodes = new NodeSnapshots(sessions, table)) {
            Map<String, MultisetCursor> cursors = nodes.onEach(n -> n.multisetRows(counted.buckets(), differing.stream().toArray()));
            try {
                List<KeyDifference> pending = new ArrayList<>();
                for (List<KeyDifference> next = nextHash(cursors); next != null; next = nextHash(cursors)) {
                    pending.addAll(next);
                    if (pending.size() >= unit) {
                        found += pending.size();
                        sink.accept(pending);
                        pending = new ArrayList<>();
                    }
                }
                if (!pending.isEmpty()) {
                    found += pending.size();
                    sink.accept(pending);
                }
            } finally {
                for (MultisetCursor c : cursors.values()) {
                    c.close();
                }
            }
        }
        return found;
    }

    /**
     * The differing rows of the lowest row hash any node has left (several only when different rows
     * share a hash), each with every node's copies; an empty list when they agree, null at the end.
     */
    private static List<KeyDifference> nextHash(Map<String, MultisetCursor> cursors) throws Exception {
        Long lowest = null;
        for (MultisetCursor c : cursors.values()) {
            if (c.peek() != null && (lowest == null || c.peek().hash() < lowest)) {
                lowest = c.peek().hash();
            }
        }
        if (lowest == null) {
            return null;
        }
        Map<List<String>, Map<String, NodeRow>> byValues = new LinkedHashMap<>();
        for (MultisetCursor c : cursors.values()) {
            while (c.peek() != null && c.peek().hash() == lowest) {
                NodeRow row = c.take();
                byValues.computeIfAbsent(row.values(), v -> new LinkedHashMap<>()).put(c.node(), row);
            }
        }
        List<KeyDifference> differing = new ArrayList<>();
        List<String> key = List.of(Long.toString(lowest));
        for (Map<String, NodeRow> rows : byValues.values()) {
            KeyDifference d = new KeyDifference(key, rows, KeyDifference.oddNode(cursors.keySet(), rows));
            if (!d.resolved(cursors.size())) {
                differing.add(d);
            }
        }
        return differing;
    }
}
