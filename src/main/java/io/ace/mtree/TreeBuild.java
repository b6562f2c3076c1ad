package io.ace.mtree;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.cluster.NodePool;
import io.ace.diff.ColumnChoice;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.DiffPlan;
import io.ace.diff.RangePlanner;
import io.ace.exit.AceException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Builds a table's tree on every node: the tool plans the leaves once (from a page sample of the
 * largest node, as a comparison plans its blocks), every node takes that layout and joins the
 * table to its publication before any leaf is hashed, then leaves are hashed in any order (a
 * restart hashes only what is left), and last the tree above them is written.
 */
public final class TreeBuild {

    /** Rows per leaf by default: small leaves keep a diff after few changes cheap; see README, "Merkle trees". */
    public static final int DEFAULT_LEAF_SIZE = 500;

    private final ClusterSessions sessions;
    private final ComparedTable table;
    private final ColumnChoice columns;

    /** @param table the table on the columns {@code columns} chose, which the tree keeps for every later update and comparison */
    public TreeBuild(ClusterSessions sessions, ComparedTable table, ColumnChoice columns) {
        this.sessions = sessions;
        this.table = table;
        this.columns = columns;
    }

    /** The checks a build needs on every node, before anything is recorded: metadata present, keys in the change stream, nothing replicating. */
    public void check() {
        NodeSetup.check(sessions, table.shape().name());
    }

    /** The leaves: one per block of a comparison plan with {@code leafSize} rows per block. */
    public DiffPlan plan(int leafSize, double concurrencyFactor) throws Exception {
        DiffOptions options = new DiffOptions(List.of(), leafSize, concurrencyFactor, DiffOptions.DEFAULT_COMPARE_UNIT_SIZE, 0, null,
                table.equality(), false, 0, 0, 0, 0, ColumnChoice.ALL);
        return new RangePlanner().plan(sessions, table, options);
    }

    /**
     * Every node: the table tracked with the plan's leaves (all dirty) and in the publication, in
     * one transaction each; then no transaction older than that is left running, so every change
     * a leaf's hash does not hold is in the slot.
     */
    public void prepare(DiffPlan plan, int leafSize) throws Exception {
        // a version above any a node has seen, the same on every node
        int version = 1 + NodeFanOut.onEachNode(sessions, pool -> {
            try (Connection c = pool.open()) {
                return TrackedTables.find(c, table.shape().name()).map(TrackedTable::layoutVersion).orElse(0);
            }
        }).values().stream().mapToInt(Integer::intValue).max().orElse(0);
        LeafLayout layout = LeafLayout.of(plan, version);
        NodeFanOut.onEachNode(sessions, pool -> {
            try (Connection c = pool.open()) {
                c.setAutoCommit(false);
                TrackedTable tracked = TrackedTables.startBuild(c, table.shape().name(), table.shape().keyNames(), leafSize,
                        table.equality(), columns, version);
                LeafStore.replaceLayout(c, tracked, layout);
                NodeSetup.publish(c, table.shape().name());
                c.commit();
                c.setAutoCommit(true);
                NodeSetup.awaitOlderTransactions(c);
            }
            return null;
        });
    }

    /** Hashes leaves {@code from} (inclusive) to {@code to} (exclusive) on every node at once. */
    public void hash(int from, int to) throws Exception {
        List<Integer> leaves = IntStream.range(from, to).boxed().toList();
        NodeFanOut.onEachNode(sessions, pool -> {
            tree(pool).rehash(leaves);
            return null;
        });
    }

    /** Writes every node's tree and marks the table ready; returns the run's summary line. */
    public String finish() throws Exception {
        Map<String, NodeTree.Shape> shapes = NodeFanOut.onEachNode(sessions, pool -> {
            NodeTree tree = tree(pool);
            // every leaf was hashed by the partitions; this only guards the tree against a leaf left dirty
            tree.rehashDirty();
            tree.saveTree();
            try (Connection c = pool.open()) {
                TrackedTables.ready(c, tree.tracked());
            }
            return tree.shape();
        });
        int leaves = shapes.values().iterator().next().leaves();
        List<String> perNode = new ArrayList<>();
        shapes.forEach((node, shape) -> perNode.add(node + " " + String.format("%,d", shape.rows()) + " rows"));
        return table.shape().name() + ": Merkle tree built on " + shapes.size() + " nodes (" + String.join(", ", perNode) + "), "
                + String.format("%,d", leaves) + " leaves, " + MerkleTree.height(leaves) + " levels; changes are captured from now on";
    }

    private NodeTree tree(NodePool pool) throws Exception {
        try (Connection c = pool.open()) {
            TrackedTable tracked = TrackedTables.find(c, table.shape().name()).orElseThrow(() -> AceException.config("table "
                    + table.shape().name() + " is not being built on node " + pool.name() + "; run mtree build again"));
            return new NodeTree(pool, table, tracked);
        }
    }
}
