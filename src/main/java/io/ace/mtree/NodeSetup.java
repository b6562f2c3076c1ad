package io.ace.mtree;

import io.ace.catalog.TableName;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.cluster.NodePool;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * ACE's objects on one node: {@code mtree init} creates the metadata schema, the publication and
 * the slot; {@code mtree teardown} drops them; a tree's table joins and leaves the publication.
 * Every step is idempotent, and every failure names the node and the fix.
 */
final class NodeSetup {

    private NodeSetup() {
    }

    /** Creates what is missing and checks that nothing of it can replicate; returns what it did, in a line. */
    static String install(NodePool pool) throws SQLException {
        try (Connection c = pool.open()) {
            String walLevel = text(c, "SELECT current_setting('wal_level')");
            if (!walLevel.equals("logical")) {
                throw AceException.config("node " + pool.name() + " has wal_level = " + walLevel + "; change capture needs"
                        + " wal_level = logical: set it in postgresql.conf, restart the server, then run mtree init again");
            }
            boolean existed = MetadataSchema.exists(c);
            c.setAutoCommit(false);
            ReplicationIsolation.beforeDdl(c);
            MetadataSchema.create(c);
            if (!MetadataSchema.single(c, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = '"
                    + MetadataSchema.PUBLICATION + "')")) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE PUBLICATION " + MetadataSchema.PUBLICATION);
                }
            }
            c.commit();
            c.setAutoCommit(true);
            String slotNote = ensureSlot(pool, c);
            requireIsolated(c, pool.name());
            slotNote = slotNote == null ? "slot " + MetadataSchema.slotName(c) + " in place" : slotNote;
            return pool.name() + ": " + (existed ? "already initialized" : "created schema " + MetadataSchema.SCHEMA + " and publication "
                    + MetadataSchema.PUBLICATION) + "; " + slotNote;
        } catch (SQLException e) {
            throw refused(pool, "initialize", e);
        }
    }

    /**
     * Creates the slot if it is missing or lost. The changes a lost slot held are gone, so every
     * tree of the node is marked dirty (rehashed whole by its next update). Runs in autocommit.
     * Returns what it did, or null when the slot was in place.
     */
    static String ensureSlot(NodePool pool, Connection c) throws SQLException {
        CaptureSlot slot = CaptureSlot.read(c);
        if (slot.exists() && !slot.unusable()) {
            return null;
        }
        if (slot.exists()) {
            CaptureSlot.drop(c);
        }
        CaptureSlot.create(c);
        int marked = 0;
        for (TrackedTable table : TrackedTables.all(c)) {
            marked += LeafStore.markAllDirty(c, table);
        }
        if (marked == 0 && !slot.exists()) {
            return "slot " + slot.name() + " created";
        }
        return "slot " + slot.name() + (slot.exists() ? " was lost (its WAL was removed)" : " was missing") + ": recreated"
                + (marked > 0 ? ", and every leaf of this node's trees marked for rehashing" : "");
    }

    /** Drops slot, publication and schema; refuses (exit 75) while a reader holds the slot. */
    static String uninstall(NodePool pool) throws SQLException {
        try (Connection c = pool.open()) {
            CaptureSlot slot = CaptureSlot.read(c);
            if (slot.activePid() != null) {
                throw new AceException(ExitCode.UNREACHABLE, "node " + pool.name() + ": the capture slot " + slot.name()
                        + " is being read by process " + slot.activePid() + " (mtree listen, or a running update); stop it, then run teardown again");
            }
            if (slot.exists()) {
                CaptureSlot.drop(c);
            }
            boolean had = MetadataSchema.exists(c);
            c.setAutoCommit(false);
            ReplicationIsolation.beforeDdl(c);
            try (Statement st = c.createStatement()) {
                st.execute("DROP PUBLICATION IF EXISTS " + MetadataSchema.PUBLICATION);
                st.execute("DROP SCHEMA IF EXISTS " + MetadataSchema.SCHEMA + " CASCADE");
            }
            c.commit();
            return pool.name() + ": " + (had || slot.exists() ? "dropped slot " + slot.name() + ", publication " + MetadataSchema.PUBLICATION
                    + " and schema " + MetadataSchema.SCHEMA : "nothing to drop");
        } catch (SQLException e) {
            throw refused(pool, "tear down", e);
        }
    }

    /**
     * The checks before a run is recorded, on every node: ACE's metadata there and nothing of it
     * replicating, and, for a table, its deletes and key changes carrying the key. A failure is an
     * {@link AceException}: exit 78 naming the node and the fix, or 2 when a node's query failed.
     */
    static void check(ClusterSessions sessions, TableName table) {
        try {
            NodeFanOut.onEachNode(sessions, pool -> {
                try (Connection c = pool.open()) {
                    requireInstalled(c, pool.name());
                    if (table != null) {
                        requireOneRelation(c, table, pool.name());
                        requireKeyInChanges(c, table, pool.name());
                    }
                    requireIsolated(c, pool.name());
                }
                return null;
            });
        } catch (AceException e) {
            throw e;
        } catch (Exception e) {
            throw new AceException(ExitCode.FAILED, "checking the nodes failed", e.getMessage(), e);
        }
    }

    /** The metadata must be there (exit 78 naming the node otherwise). */
    static void requireInstalled(Connection c, String node) throws SQLException {
        if (!MetadataSchema.exists(c)) {
            throw AceException.config("node " + node + " has no ACE Merkle-tree metadata; run 'ace mtree init' first");
        }
    }

    static void requireIsolated(Connection c, String node) throws SQLException {
        List<String> leaks = ReplicationIsolation.leaks(c);
        if (!leaks.isEmpty()) {
            throw AceException.config("node " + node + ": ACE's Merkle-tree objects would replicate to other nodes: " + String.join("; ", leaks)
                    + "; remove them from there (ACE's schema " + MetadataSchema.SCHEMA + " must stay local)");
        }
    }

    /**
     * A tree tracks the rows of one relation, whose changes its capture reads: a partitioned table's
     * rows live in its partitions, and an inheritance parent's partly in its children, whose changes
     * are captured under their own names. Refused (78), naming the relations to track instead.
     */
    static void requireOneRelation(Connection c, TableName table, String node) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relkind, ARRAY(SELECT i.inhrelid::regclass::text FROM pg_catalog.pg_inherits i"
                + " WHERE i.inhparent = c.oid ORDER BY 1) FROM pg_catalog.pg_class c WHERE c.oid = ?::regclass")) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<String> children = List.of((String[]) rs.getArray(2).getArray());
                if (children.isEmpty()) {
                    return;
                }
                boolean partitioned = "p".equals(rs.getString(1));
                throw AceException.config("table " + table + " on node " + node + (partitioned ? " is partitioned" : " has inheritance children")
                        + "; a Merkle tree tracks the rows of one relation, and " + (partitioned ? "its rows live in its partitions"
                        : "its children's rows and changes are their own") + ": build a tree for each of " + String.join(", ", children)
                        + (partitioned ? " (a partition that is itself partitioned: for each of its partitions)" : " and the parent")
                        + ", or compare the table with table-diff");
            }
        }
    }

    /**
     * Change capture needs every delete and key change to carry the key rows are matched by:
     * replica identity full; default when that key is the primary key; using index when it is the
     * replica identity index (a table without a primary key matched by a unique index).
     */
    static void requireKeyInChanges(Connection c, TableName table, String node) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relreplident, EXISTS (SELECT 1 FROM pg_catalog.pg_index i"
                + " WHERE i.indrelid = c.oid AND i.indisprimary) FROM pg_catalog.pg_class c WHERE c.oid = ?::regclass")) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String identity = rs.getString(1);
                boolean primaryKey = rs.getBoolean(2);
                if (identity.equals("f") || (identity.equals("d") && primaryKey) || (identity.equals("i") && !primaryKey)) {
                    return;
                }
                String name = switch (identity) {
                    case "n" -> "NOTHING";
                    case "i" -> "USING INDEX";
                    default -> "DEFAULT";
                };
                String fix = primaryKey ? "REPLICA IDENTITY DEFAULT" : "REPLICA IDENTITY USING INDEX with the unique index rows are matched by";
                throw AceException.config("table " + table + " on node " + node + " has REPLICA IDENTITY " + name
                        + (primaryKey ? ", so its deletes do not carry the primary key" : " and no primary key, so its deletes do not carry"
                        + " the unique key rows are matched by") + "; run ALTER TABLE " + table.sql() + " " + fix + " there");
            }
        }
    }

    /** Adds the table to ACE's publication (in the caller's transaction); its changes are captured from that commit on. */
    static void publish(Connection c, TableName table) throws SQLException {
        if (!published(c, table)) {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER PUBLICATION " + MetadataSchema.PUBLICATION + " ADD TABLE " + table.sql());
            }
        }
    }

    /**
     * Waits until every transaction that was running when the table joined the publication has
     * ended. A transaction that began writing before that may be decoded without the table in the
     * publication; once it has ended, any snapshot taken afterwards (the leaves' hashes) holds its
     * rows. Call after the commit that published the table, in autocommit.
     */
    static void awaitOlderTransactions(Connection c) throws SQLException, InterruptedException {
        String horizon;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_snapshot_xmax(pg_catalog.pg_current_snapshot())::text")) {
            rs.next();
            horizon = rs.getString(1);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_snapshot_xmin(pg_catalog.pg_current_snapshot()) >= ?::xid8")) {
            ps.setString(1, horizon);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    static void unpublish(Connection c, TableName table) throws SQLException {
        if (published(c, table)) {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER PUBLICATION " + MetadataSchema.PUBLICATION + " DROP TABLE " + table.sql());
            }
        }
    }

    private static boolean published(Connection c, TableName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel r"
                + " JOIN pg_catalog.pg_publication p ON p.oid = r.prpubid WHERE p.pubname = ? AND r.prrelid = ?::regclass)")) {
            ps.setString(1, MetadataSchema.PUBLICATION);
            ps.setString(2, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A node's refusal (no privilege, no free slot, ...) as an operator's error naming the node. */
    static AceException refused(NodePool pool, String what, SQLException e) {
        String hint = switch (String.valueOf(e.getSQLState())) {
            case "42501" -> "; the user needs the REPLICATION attribute (or superuser) and ownership of the tables";
            case "53400" -> "; no free replication slot: raise max_replication_slots";
            default -> "";
        };
        return new AceException(ExitCode.CONFIG, "cannot " + what + " ACE's Merkle-tree objects on node " + pool.name() + hint,
                e.getMessage(), e);
    }
}
