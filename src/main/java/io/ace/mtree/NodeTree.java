package io.ace.mtree;

import io.ace.cluster.NodePool;
import io.ace.diff.BlockHash;
import io.ace.diff.ComparedTable;
import io.ace.diff.KeyRange;
import io.ace.diff.RangeHashes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** One table's tree on one node: fold its queued changes into dirty leaves, rehash leaves, write the tree. */
final class NodeTree {

    /** Leaves hashed by one statement: short statements, and progress committed as it goes. */
    private static final int LEAVES_PER_STATEMENT = 256;

    private final NodePool pool;
    private final ComparedTable table;
    private TrackedTable tracked;

    NodeTree(NodePool pool, ComparedTable table, TrackedTable tracked) {
        this.pool = pool;
        this.table = table;
        this.tracked = tracked;
    }

    NodePool pool() {
        return pool;
    }

    TrackedTable tracked() {
        return tracked;
    }

    /** Marks dirty the leaves of the queued changes; returns how many changes were folded. */
    long fold() throws SQLException {
        try (Connection c = pool.open()) {
            c.setAutoCommit(false);
            long folded = ChangeQueue.fold(c, tracked, table.shape());
            c.commit();
            return folded;
        }
    }

    LeafLayout layout() throws SQLException {
        try (Connection c = pool.open()) {
            return LeafStore.layout(c, tracked);
        }
    }

    /** Makes {@code layout} this node's (leaves whose bounds change become dirty). */
    void adopt(LeafLayout layout) throws SQLException {
        try (Connection c = pool.open()) {
            c.setAutoCommit(false);
            LeafStore.replaceLayout(c, tracked, layout);
            c.commit();
            tracked = TrackedTables.find(c, tracked.name()).orElseThrow();
        }
    }

    int markAllDirty() throws SQLException {
        try (Connection c = pool.open()) {
            return LeafStore.markAllDirty(c, tracked);
        }
    }

    /** Rehashes every dirty leaf; returns how many. */
    int rehashDirty() throws SQLException {
        List<Integer> dirty;
        try (Connection c = pool.open()) {
            dirty = LeafStore.dirty(c, tracked);
        }
        rehash(dirty);
        return dirty.size();
    }

    /**
     * Hashes the given leaves, each statement in a snapshot taken after every mark folded so far
     * had committed, and records them clean. A change committed after the snapshot is still in
     * the slot or the queue, and makes its leaf dirty again.
     */
    void rehash(List<Integer> leaves) throws SQLException {
        if (leaves.isEmpty()) {
            return;
        }
        RangeHashes hasher = new RangeHashes(table);
        try (Connection c = pool.open()) {
            List<KeyRange> ranges = LeafStore.ranges(c, tracked, leaves);
            c.setAutoCommit(false);
            for (int from = 0; from < leaves.size(); from += LEAVES_PER_STATEMENT) {
                int to = Math.min(leaves.size(), from + LEAVES_PER_STATEMENT);
                try (Statement st = c.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    // a few leaves: parallel workers would cost more to start than the leaves to hash
                    st.execute("SET LOCAL max_parallel_workers_per_gather = 0");
                }
                List<BlockHash> hashes = hasher.hash(c, ranges.subList(from, to));
                c.commit();
                LeafStore.saveHashes(c, tracked, leaves.subList(from, to), hashes);
                c.commit();
            }
        }
    }

    /** The tree's size and rows on this node, and a digest of its leaf bounds. */
    record Shape(int leaves, long rows, String layoutDigest) {
    }

    Shape shape() throws SQLException {
        try (Connection c = pool.open()) {
            return new Shape(LeafStore.count(c, tracked), LeafStore.rows(c, tracked), tracked.layoutDigest());
        }
    }

    /** Leaves holding more than {@code limit} rows, with their counts. */
    Map<Integer, Long> oversized(long limit) throws SQLException {
        try (Connection c = pool.open()) {
            return LeafStore.rowCounts(c, tracked, limit, null);
        }
    }

    /** Writes the tree over the current leaf hashes and notes the time. */
    void saveTree() throws SQLException {
        try (Connection c = pool.open()) {
            c.setAutoCommit(false);
            MerkleTree.save(c, tracked);
            TrackedTables.touched(c, tracked);
            c.commit();
        }
    }
}
