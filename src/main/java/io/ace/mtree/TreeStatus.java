package io.ace.mtree;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code mtree status} shows per node: the slot (who reads it, the WAL it retains, how far
 * its confirmed position is behind, whether it was lost), anything that would replicate ACE's
 * objects, and per tracked table its leaves, dirty leaves and changes not yet folded.
 */
public final class TreeStatus {

    private TreeStatus() {
    }

    public static List<String> lines(ClusterSessions sessions) throws Exception {
        List<String> lines = new ArrayList<>();
        NodeFanOut.onEachNode(sessions, pool -> {
            List<String> node = new ArrayList<>();
            try (Connection c = pool.open()) {
                if (!MetadataSchema.exists(c)) {
                    node.add(pool.name() + ": not initialized (run mtree init)");
                    return node;
                }
                CaptureSlot slot = CaptureSlot.read(c);
                node.add(pool.name() + ": slot " + slot.name() + (slot.exists() ? " " + slot.walStatus()
                        + (slot.unusable() ? " (LOST: its changes are gone; the next update rehashes every tree of this node)" : "")
                        + (slot.activePid() == null ? ", not being read" : ", read by process " + slot.activePid())
                        + ", retained WAL " + bytes(slot.retainedBytes()) + ", unconfirmed WAL " + bytes(slot.lagBytes())
                        : " MISSING (the next update recreates it and rehashes every tree of this node)"));
                for (String leak : ReplicationIsolation.leaks(c)) {
                    node.add("  WARNING: " + leak);
                }
                for (TrackedTable t : TrackedTables.all(c)) {
                    long leaves = count(c, "SELECT count(*) FROM " + MetadataSchema.LEAF + " WHERE table_id = ?", t.id());
                    long dirty = count(c, "SELECT count(*) FROM " + MetadataSchema.LEAF + " WHERE table_id = ? AND dirty", t.id());
                    long rows = count(c, "SELECT COALESCE(sum(row_count), 0) FROM " + MetadataSchema.LEAF + " WHERE table_id = ?", t.id());
                    node.add(String.format(Locale.ROOT, "  %s: %s, %,d leaves (layout %d, %,d rows per leaf at most), %,d dirty,"
                                    + " %,d changes queued, %,d rows, %s equality, %s", t.name(), t.ready() ? "ready" : "BUILD NOT COMPLETED",
                            leaves, t.layoutVersion(), 2 * t.leafSize(), dirty, ChangeQueue.pending(c, t.id()), rows,
                            t.equality().name().toLowerCase(), t.columns().all() ? "every column" : t.columns().describe()));
                }
            }
            return node;
        }).values().forEach(lines::addAll);
        return lines;
    }

    private static long count(Connection c, String sql, int tableId) throws java.sql.SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setInt(1, tableId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String bytes(long n) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
