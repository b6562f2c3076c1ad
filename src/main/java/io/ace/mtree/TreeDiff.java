package io.ace.mtree;

import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.DifferenceSink;
import io.ace.diff.KeyRange;
import io.ace.diff.PartitionScan;
import io.ace.diff.ScanListener;
import io.ace.exit.AceException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares a table's trees across nodes (after an update): from the root down, only the children
 * of nodes whose digests differ are read, so the work grows with what changed, not with the
 * table. The rows of each mismatched leaf are then narrowed by the comparison engine itself: key
 * hashes streamed from every node, full rows fetched for the keys that differ.
 */
public final class TreeDiff {

    /**
     * The differing keys go to the sink in key order, a compare unit at a time.
     *
     * @param leaves           leaves of the tree
     * @param treeNodesRead    digests read per node while descending
     * @param mismatchedLeaves leaves whose digests differ between nodes
     * @param differingKeys    keys found to differ in them
     */
    public record Outcome(int leaves, int treeNodesRead, List<Integer> mismatchedLeaves, long differingKeys) {
    }

    private final ClusterSessions sessions;
    private final TableShape shape;

    public TreeDiff(ClusterSessions sessions, TableShape shape) {
        this.sessions = sessions;
        this.shape = shape;
    }

    public Outcome run(DiffOptions options, ScanListener listener, DifferenceSink sink) throws Exception {
        Map<String, TrackedTable> tracked = NodeFanOut.onEachNode(sessions, pool -> {
            try (Connection c = pool.open()) {
                return TrackedTables.find(c, shape.name()).filter(TrackedTable::ready).orElseThrow(() -> AceException.config(
                        "table " + shape.name() + " has no Merkle tree on node " + pool.name() + "; run mtree build"));
            }
        });
        ComparedTable table = tracked.values().iterator().next().compared(shape);
        Map<String, NodeTree.Shape> shapes = NodeFanOut.onEachNode(sessions, pool -> new NodeTree(pool, table, tracked.get(pool.name())).shape());
        String layout = shapes.values().iterator().next().layoutDigest();
        for (Map.Entry<String, NodeTree.Shape> e : shapes.entrySet()) {
            if (!e.getValue().layoutDigest().equals(layout)) {
                throw new IllegalStateException("the leaves of " + shape.name() + " differ between nodes (node " + e.getKey()
                        + "); run mtree update, which gives every node the same layout");
            }
        }
        int leaves = shapes.values().iterator().next().leaves();
        List<Integer> positions = List.of(0);
        int read = 0;
        for (int level = MerkleTree.height(leaves) - 1; ; level--) {
            int currentLevel = level;
            List<Integer> wanted = positions;
            Map<String, Map<Integer, byte[]>> digests = NodeFanOut.onEachNode(sessions, pool -> {
                try (Connection c = pool.open()) {
                    return MerkleTree.read(c, tracked.get(pool.name()), currentLevel, wanted);
                }
            });
            read += wanted.size();
            List<Integer> mismatched = new ArrayList<>();
            for (int p : wanted) {
                byte[] first = digests.values().iterator().next().get(p);
                if (first == null || digests.values().stream().anyMatch(d -> !Arrays.equals(first, d.get(p)))) {
                    mismatched.add(p);
                }
            }
            if (level == 0 || mismatched.isEmpty()) {
                positions = level == 0 ? mismatched : List.of();
                break;
            }
            int below = MerkleTree.width(leaves, level - 1);
            positions = new ArrayList<>();
            for (int p : mismatched) {
                for (int child = p * MerkleTree.FANOUT; child < Math.min(below, (p + 1) * MerkleTree.FANOUT); child++) {
                    positions.add(child);
                }
            }
        }
        List<Long> rows = new ArrayList<>();
        List<KeyRange> ranges = List.of();
        if (!positions.isEmpty()) {
            List<Integer> mismatched = positions;
            Map<String, Map<Integer, Long>> counts = NodeFanOut.onEachNode(sessions, pool -> {
                try (Connection c = pool.open()) {
                    return LeafStore.rowCounts(c, tracked.get(pool.name()), -1, mismatched);
                }
            });
            for (int leaf : positions) {
                rows.add(counts.values().stream().mapToLong(m -> m.getOrDefault(leaf, 0L)).max().orElse(0));
            }
            try (Connection c = sessions.pools().get(0).open()) {
                ranges = LeafStore.ranges(c, tracked.values().iterator().next(), positions);
            }
        }
        long differing;
        try (PartitionScan scan = new PartitionScan(sessions, table, options, listener)) {
            differing = scan.narrow(ranges, rows, sink);
        }
        return new Outcome(leaves, read, positions, differing);
    }
}
