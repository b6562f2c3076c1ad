package io.ace.mtree;

import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.KeyDifference;
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
     * @param leaves           leaves of the tree
     * @param treeNodesRead    digests read per node while descending
     * @param mismatchedLeaves leaves whose digests differ between nodes
     * @param differingKeys    keys found to differ in them
     */
    public record Outcome(int leaves, int treeNodesRead, List<Integer> mismatchedLeaves, long differingKeys) {
    }

    /** Receives the differing keys of one mismatched leaf, a compare unit at a time, leaves in key order. */
    @FunctionalInterface
    public interface LeafSink {
        void accept(int leaf, List<KeyDifference> differences) throws Exception;
    }

    private final ClusterSessions sessions;
    private final TableShape shape;

    public TreeDiff(ClusterSessions sessions, TableShape shape) {
        this.sessions = sessions;
        this.shape = shape;
    }

    public Outcome run(DiffOptions options, ScanListener listener, LeafSink sink) throws Exception {
        Map<String, TrackedTable> tracked = Nodes.onEach(sessions, pool -> {
            try (Connection c = pool.open()) {
                return TrackedTables.find(c, shape.name()).filter(TrackedTable::ready).orElseThrow(() -> AceException.config(
                        "table " + shape.name() + " has no Merkle tree on node " + pool.name() + "; run mtree build"));
            }
        });
        Map<String, LeafLayout> layouts = Nodes.onEach(sessions, pool -> {
            try (Connection c = pool.open()) {
                return LeafStore.layout(c, tracked.get(pool.name()));
            }
        });
        LeafLayout layout = layouts.values().iterator().next();
        for (Map.Entry<String, LeafLayout> e : layouts.entrySet()) {
            if (!e.getValue().sameLeaves(layout)) {
                throw new IllegalStateException("the leaves of " + shape.name() + " differ between nodes (node " + e.getKey()
                        + "); run mtree update, which gives every node the same layout");
            }
        }
        int leaves = layout.leafCount();
        List<Integer> positions = List.of(0);
        int read = 0;
        for (int level = MerkleTree.height(leaves) - 1; ; level--) {
            int currentLevel = level;
            List<Integer> wanted = positions;
            Map<String, Map<Integer, byte[]>> digests = Nodes.onEach(sessions, pool -> {
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
        ComparedTable table = new ComparedTable(shape, null, tracked.values().iterator().next().equality());
        long differing = 0;
        try (PartitionScan scan = new PartitionScan(sessions, table, options, listener)) {
            for (int leaf : positions) {
                differing += scan.narrow(List.of(layout.range(leaf)), unit -> sink.accept(leaf, unit));
            }
        }
        return new Outcome(leaves, read, positions, differing);
    }
}
