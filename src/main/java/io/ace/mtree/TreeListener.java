package io.ace.mtree;

import io.ace.catalog.CatalogReader;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.cluster.NodePool;
import io.ace.diff.ComparedTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code mtree listen}: reads every node's slot continuously, so the slots retain little WAL and
 * changes are marked as they happen, and every {@link #REFRESH_MILLIS} folds each node's marks and
 * rehashes its dirty leaves (each node on its own layout; splits are left to updates). A table
 * another run holds is skipped until the next refresh; a slot another reader holds is tried again
 * on the next round.
 */
public final class TreeListener implements AutoCloseable {

    static final long REFRESH_MILLIS = 10_000;

    private final ClusterSessions sessions;
    private final CaptureHook hook;
    private final Map<String, ChangeCapture> captures = new ConcurrentHashMap<>();
    private final AtomicLong captured = new AtomicLong();
    private final AtomicLong rehashed = new AtomicLong();
    private long lastRefresh = System.nanoTime();

    public TreeListener(ClusterSessions sessions, CaptureHook hook) {
        this.sessions = sessions;
        this.hook = hook;
    }

    /** Checks every node has ACE's metadata and nothing of it replicates, before the run is recorded. */
    public void check() {
        NodeSetup.check(sessions, null);
    }

    /** One round of about {@code millis}: every node's slot read, and the trees refreshed when it is time. */
    public void round(long millis) throws Exception {
        NodeFanOut.onEachNode(sessions, pool -> {
            ChangeCapture capture = captures.get(pool.name());
            if (capture == null) {
                String slot;
                try (Connection c = pool.open()) {
                    slot = MetadataSchema.slotName(c);
                }
                Optional<ChangeCapture> opened = ChangeCapture.open(pool, slot, hook);
                if (opened.isEmpty()) {
                    // another run drains the slot right now; it confirms what it reads
                    Thread.sleep(millis);
                    return null;
                }
                capture = opened.get();
                captures.put(pool.name(), capture);
            }
            long before = capture.changes();
            capture.readFor(millis);
            captured.addAndGet(capture.changes() - before);
            return null;
        });
        if (System.nanoTime() - lastRefresh >= REFRESH_MILLIS * 1_000_000) {
            NodeFanOut.onEachNode(sessions, pool -> {
                refresh(pool);
                return null;
            });
            lastRefresh = System.nanoTime();
        }
    }

    private void refresh(NodePool pool) throws SQLException {
        java.util.List<TrackedTable> tables;
        try (Connection c = pool.open()) {
            tables = TrackedTables.all(c);
        }
        for (TrackedTable table : tables) {
            if (!table.ready()) {
                continue;
            }
            try (TableLock lock = TableLock.tryAcquire(pool, table.name())) {
                if (lock == null) {
                    continue;
                }
                Optional<TableShape> shape;
                try (Connection c = pool.open()) {
                    shape = new CatalogReader().read(c, table.name());
                }
                if (shape.isEmpty()) {
                    continue;
                }
                NodeTree tree = new NodeTree(pool, table.compared(shape.get()), table);
                tree.fold();
                int leaves = tree.rehashDirty();
                if (leaves > 0) {
                    rehashed.addAndGet(leaves);
                    tree.saveTree();
                }
            }
        }
    }

    /** Changes of tracked tables captured since the listener started. */
    public long captured() {
        return captured.get();
    }

    /** Leaves rehashed by its refreshes. */
    public long rehashed() {
        return rehashed.get();
    }

    @Override
    public void close() throws SQLException {
        for (ChangeCapture capture : captures.values()) {
            capture.close();
        }
        captures.clear();
    }
}
