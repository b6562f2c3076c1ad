package io.ace.mtree;

import io.ace.diff.BlockHash;
import io.ace.diff.KeyRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The leaves of one tracked table on one node ({@code ace_mtree.leaf}): bounds, row count and hash, dirty flag. */
final class LeafStore {

    private LeafStore() {
    }

    static LeafLayout layout(Connection c, TrackedTable table) throws SQLException {
        List<List<String>> lowers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT lower_key FROM " + MetadataSchema.LEAF
                + " WHERE table_id = ? AND leaf_no > 0 ORDER BY leaf_no")) {
            ps.setInt(1, table.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lowers.add(List.of((String[]) rs.getArray(1).getArray()));
                }
            }
        }
        return new LeafLayout(table.layoutVersion(), lowers);
    }

    /**
     * Makes {@code layout} this node's: a leaf whose bounds it already had keeps its hash, every
     * other leaf is dirty. Internal tree nodes are recomputed after the next rehash.
     */
    static void replaceLayout(Connection c, TrackedTable table, LeafLayout layout) throws SQLException {
        LeafLayout old = layout(c, table);
        Map<KeyRange, Object[]> kept = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT leaf_no, row_count, row_xor, dirty FROM " + MetadataSchema.LEAF
                + " WHERE table_id = ? ORDER BY leaf_no")) {
            ps.setInt(1, table.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kept.put(old.range(rs.getInt(1)), new Object[] {rs.getObject(2), rs.getObject(3), rs.getBoolean(4)});
                }
            }
        }
        execute(c, "DELETE FROM " + MetadataSchema.LEAF + " WHERE table_id = ?", table.id());
        execute(c, "DELETE FROM " + MetadataSchema.TREE + " WHERE table_id = ?", table.id());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + MetadataSchema.LEAF
                + " (table_id, leaf_no, lower_key, row_count, row_xor, dirty) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int leaf = 0; leaf < layout.leafCount(); leaf++) {
                Object[] same = kept.get(layout.range(leaf));
                ps.setInt(1, table.id());
                ps.setInt(2, leaf);
                ps.setArray(3, leaf == 0 ? null : c.createArrayOf("text", layout.lowers().get(leaf - 1).toArray()));
                ps.setObject(4, same == null ? null : same[0]);
                ps.setObject(5, same == null ? null : same[1]);
                ps.setBoolean(6, same == null || (Boolean) same[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        TrackedTables.layoutVersion(c, table, layout.version());
    }

    static List<Integer> dirty(Connection c, TrackedTable table) throws SQLException {
        List<Integer> leaves = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT leaf_no FROM " + MetadataSchema.LEAF
                + " WHERE table_id = ? AND dirty ORDER BY leaf_no")) {
            ps.setInt(1, table.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leaves.add(rs.getInt(1));
                }
            }
        }
        return leaves;
    }

    /** Records the hashes of {@code leaves} (in the same order) and clears their dirty flag. */
    static void saveHashes(Connection c, TrackedTable table, List<Integer> leaves, List<BlockHash> hashes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + MetadataSchema.LEAF
                + " SET row_count = ?, row_xor = ?, dirty = false WHERE table_id = ? AND leaf_no = ?")) {
            for (int i = 0; i < leaves.size(); i++) {
                ps.setLong(1, hashes.get(i).rows());
                ps.setLong(2, hashes.get(i).hash());
                ps.setInt(3, table.id());
                ps.setInt(4, leaves.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every leaf's row count and hash in key order (null for a leaf never hashed). */
    static List<BlockHash> hashes(Connection c, TrackedTable table) throws SQLException {
        List<BlockHash> hashes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT row_count, row_xor FROM " + MetadataSchema.LEAF
                + " WHERE table_id = ? ORDER BY leaf_no")) {
            ps.setInt(1, table.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rows = rs.getLong(1);
                    hashes.add(rs.wasNull() ? null : new BlockHash(rows, rs.getLong(2)));
                }
            }
        }
        return hashes;
    }

    /** Marks every leaf of the table dirty (a TRUNCATE, a transaction that changed most of it, a lost slot). */
    static int markAllDirty(Connection c, TrackedTable table) throws SQLException {
        return execute(c, "UPDATE " + MetadataSchema.LEAF + " SET dirty = true WHERE table_id = ? AND NOT dirty", table.id());
    }

    static int execute(Connection c, String sql, int tableId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, tableId);
            return ps.executeUpdate();
        }
    }
}
