package io.ace.mtree;

import io.ace.catalog.TableName;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.cluster.NodePool;
import io.ace.diff.ColumnChoice;
import io.ace.diff.ComparedTable;
import io.ace.diff.Equality;
import io.ace.exit.AceException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a table's trees up to date on every node of a run: capture every change committed
 * before now, fold the changes into dirty leaves, give every node the newest leaf layout, rehash
 * the dirty leaves, split leaves that outgrew twice their size (on every node together), and
 * write the trees. A node whose slot was lost, or whose tree is gone (the metadata is unlogged, so
 * a crash empties it), is rebuilt with the layout the other nodes keep.
 */
public final class TreeUpdate {

    /** What happened on one node. */
    public record NodeReport(String node, long captured, long folded, int rehashed, String note) {
    }

    /**
     * @param equality    the rules of "equal" the tree's hashes follow (chosen at build)
     * @param leafSize    rows per leaf the tree was built with
     * @param leaves      leaves of the tree (the same on every node)
     * @param splits      leaves split by this update
     * @param rowsPerNode rows each node's tree covers
     */
    public record Outcome(TableName table, Equality equality, ColumnChoice columns, int leafSize, int leaves, int splits,
                          Map<String, Long> rowsPerNode, List<NodeReport> nodes) {

        public String summary() {
            StringBuilder sb = new StringBuilder(table + ": trees up to date on " + nodes.size() + " nodes (");
            for (int i = 0; i < nodes.size(); i++) {
                NodeReport n = nodes.get(i);
                sb.append(i == 0 ? "" : "; ").append(n.node()).append(": ").append(n.captured()).append(" changes captured, ")
                        .append(n.rehashed()).append(" leaves rehashed").append(n.note().isEmpty() ? "" : ", " + n.note());
            }
            return sb.append("), ").append(String.format("%,d", leaves)).append(" leaves")
                    .append(splits == 0 ? "" : ", " + splits + (splits == 1 ? " leaf" : " leaves") + " split on every node").toString();
        }
    }

    /** One node after catching up: its tree, the changes captured and folded, and what else happened there. */
    private record CaughtUp(NodeTree tree, long captured, long folded, String note) {
    }

    private final ClusterSessions sessions;
    private final TableShape shape;
    private final CaptureHook hook;

    public TreeUpdate(ClusterSessions sessions, TableShape shape, CaptureHook hook) {
        this.sessions = sessions;
        this.shape = shape;
        this.hook = hook;
    }

    public Outcome run() throws Exception {
        TableName name = shape.name();
        Map<String, Optional<TrackedTable>> tracked = NodeFanOut.onEachNode(sessions, pool -> {
            try (Connection c = pool.open()) {
                NodeSetup.requireInstalled(c, pool.name());
                NodeSetup.requireIsolated(c, pool.name());
                return TrackedTables.find(c, name);
            }
        });
        tracked.forEach((node, t) -> {
            if (t.isPresent() && !t.get().ready()) {
                throw AceException.config("the Merkle-tree build of " + name + " has not completed on node " + node
                        + "; run mtree build again (or resume it with its --run-key)");
            }
        });
        TrackedTable reference = tracked.values().stream().flatMap(Optional::stream).findFirst().orElseThrow(() -> AceException.config(
                "table " + name + " has no Merkle tree on any of the nodes " + sessions.nodeNames() + "; run mtree build first"));
        ComparedTable table = reference.compared(shape);
        List<TableLock> locks = new ArrayList<>();
        try {
            for (NodePool pool : sessions.pools()) {
                locks.add(TableLock.acquire(pool, name));
            }
            Map<String, CaughtUp> caught = NodeFanOut.onEachNode(sessions, pool -> catchUp(pool, table, tracked.get(pool.name()), reference));
            Map<String, NodeTree> trees = new LinkedHashMap<>();
            caught.forEach((node, r) -> trees.put(node, r.tree()));
            syncLayouts(trees);
            Map<String, Integer> rehashed = NodeFanOut.onEachNode(sessions, pool -> trees.get(pool.name()).rehashDirty());
            int splits = split(trees, reference.leafSize());
            if (splits > 0) {
                NodeFanOut.onEachNode(sessions, pool -> rehashed.merge(pool.name(), trees.get(pool.name()).rehashDirty(), Integer::sum));
            }
            Map<String, NodeTree.Shape> shapes = NodeFanOut.onEachNode(sessions, pool -> {
                NodeTree tree = trees.get(pool.name());
                tree.saveTree();
                return tree.shape();
            });
            List<NodeReport> reports = new ArrayList<>();
            caught.forEach((node, r) -> reports.add(new NodeReport(node, r.captured(), r.folded(), rehashed.get(node), r.note())));
            Map<String, Long> rows = new LinkedHashMap<>();
            shapes.forEach((node, s) -> rows.put(node, s.rows()));
            return new Outcome(name, reference.equality(), reference.columns(), reference.leafSize(), shapes.values().iterator().next().leaves(),
                    splits, rows, reports);
        } finally {
            for (TableLock lock : locks) {
                lock.close();
            }
        }
    }

    /**
     * One node: a usable slot (recreated when lost), every change before now captured, the tree
     * there (rebuilt from the others' layout when gone), queued changes folded.
     */
    private CaughtUp catchUp(NodePool pool, ComparedTable table, Optional<TrackedTable> mine, TrackedTable reference) throws Exception {
        List<String> notes = new ArrayList<>();
        try (Connection c = pool.open()) {
            String slot = NodeSetup.ensureSlot(pool, c);
            if (slot != null) {
                notes.add(slot);
            }
        }
        long captured = SlotCatchUp.run(pool, hook);
        TrackedTable t = mine.orElse(null);
        if (t == null) {
            try (Connection c = pool.open()) {
                NodeSetup.requireKeyInChanges(c, shape.name(), pool.name());
                c.setAutoCommit(false);
                t = TrackedTables.adopt(c, reference);
                NodeSetup.publish(c, shape.name());
                c.commit();
                c.setAutoCommit(true);
                NodeSetup.awaitOlderTransactions(c);
            }
            notes.add("had no tree of this table (never built there, or emptied by a crash): built with the cluster's layout");
        }
        NodeTree tree = new NodeTree(pool, table, t);
        long folded = tree.fold();
        return new CaughtUp(tree, captured, folded, String.join(", ", notes));
    }

    /**
     * Every node takes the newest layout (a split another run applied, a node rebuilt); leaves it
     * changes become dirty. Nodes are compared by layout version and a digest of their bounds;
     * the bounds themselves are read only when some node must take them.
     */
    private static void syncLayouts(Map<String, NodeTree> trees) throws Exception {
        NodeTree newest = null;
        for (NodeTree tree : trees.values()) {
            if (newest == null || tree.tracked().layoutVersion() > newest.tracked().layoutVersion()) {
                newest = tree;
            }
        }
        TrackedTable wanted = newest.tracked();
        LeafLayout layout = null;
        for (NodeTree tree : trees.values()) {
            if (tree.tracked().layoutVersion() != wanted.layoutVersion() || !tree.tracked().layoutDigest().equals(wanted.layoutDigest())) {
                layout = layout == null ? newest.layout() : layout;
                tree.adopt(layout);
            }
        }
    }

    /**
     * Splits every leaf that holds more than twice {@code leafSize} rows on some node, at every
     * {@code leafSize}-th key of that node, and gives the new layout to every node. Returns the
     * number of leaves split.
     */
    private int split(Map<String, NodeTree> trees, int leafSize) throws Exception {
        Map<Integer, Long> most = new java.util.TreeMap<>();
        Map<Integer, NodeTree> holder = new LinkedHashMap<>();
        for (NodeTree tree : trees.values()) {
            for (Map.Entry<Integer, Long> e : tree.oversized(2L * leafSize).entrySet()) {
                if (e.getValue() > most.getOrDefault(e.getKey(), 0L)) {
                    most.put(e.getKey(), e.getValue());
                    holder.put(e.getKey(), tree);
                }
            }
        }
        if (most.isEmpty()) {
            return 0;
        }
        LeafLayout layout = trees.values().iterator().next().layout();
        List<List<String>> cuts = new ArrayList<>();
        List<Integer> inLeaf = new ArrayList<>();
        int split = 0;
        for (int leaf : most.keySet()) {
            List<List<String>> leafCuts;
            try (Connection c = holder.get(leaf).pool().open()) {
                leafCuts = LeafSplitter.cuts(c, shape, layout.range(leaf), leafSize);
            }
            for (List<String> cut : leafCuts) {
                cuts.add(cut);
                inLeaf.add(leaf);
            }
            split += leafCuts.isEmpty() ? 0 : 1;
        }
        if (!cuts.isEmpty()) {
            LeafLayout next = layout.split(cuts, inLeaf);
            for (NodeTree tree : trees.values()) {
                tree.adopt(next);
            }
        }
        return split;
    }
}
