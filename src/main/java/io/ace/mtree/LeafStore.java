package io.ace.mtree;

import io.ace.diff.BlockHash;
import io.ace.diff.KeyRange;
import java.sql.Array;
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
        TrackedTables.layout(c, table, layout.version(), text(c, "SELECT md5(COALESCE(string_agg(COALESCE(lower_key::text, '-'), ','"
                + " ORDER BY leaf_no), '')) FROM " + MetadataSchema.LEAF + " WHERE table_id = ?", table.id()));
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

    /** Records the hashes of {@code leaves} (in the same order), clears their dirty flag, and marks their tree digests stale. */
    static void saveHashes(Connection c, TrackedTable table, List<Integer> leaves, List<BlockHash> hashes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + MetadataSchema.LEAF
                + " SET row_count = ?, row_xor = ?, dirty = false, tree_stale = true WHERE table_id = ? AND leaf_no = ?")) {
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

    /** The key ranges of the given leaves, in the order given, reading only their bounds and their successors'. */
    static List<KeyRange> ranges(Connection c, TrackedTable table, List<Integer> leaves) throws SQLException {
        Map<Integer, List<String>> lowers = new HashMap<>();
        int last;
        try (PreparedStatement ps = c.prepareStatement("SELECT leaf_no, lower_key, (SELECT max(leaf_no) FROM " + MetadataSchema.LEAF
                + " WHERE table_id = ?) FROM " + MetadataSchema.LEAF + " WHERE table_id = ? AND (leaf_no = ANY (?) OR leaf_no - 1 = ANY (?))")) {
            Array wanted = c.createArrayOf("int4", leaves.toArray(Integer[]::new));
            ps.setInt(1, table.id());
            ps.setInt(2, table.id());
            ps.setArray(3, wanted);
            ps.setArray(4, wanted);
            last = -1;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array lower = rs.getArray(2);
                    lowers.put(rs.getInt(1), lower == null ? null : List.of((String[]) lower.getArray()));
                    last = rs.getInt(3);
                }
            }
        }
        List<KeyRange> ranges = new ArrayList<>(leaves.size());
        for (int leaf : leaves) {
            ranges.add(new KeyRange(lowers.get(leaf), leaf == last ? null : lowers.get(leaf + 1)));
        }
        return ranges;
    }

    static int count(Connection c, TrackedTable table) throws SQLException {
        return Integer.parseInt(text(c, "SELECT count(*) FROM " + MetadataSchema.LEAF + " WHERE table_id = ?", table.id()));
    }

    /** Rows the tree covers (its leaves' last hashed counts). */
    static long rows(Connection c, TrackedTable table) throws SQLException {
        return Long.parseLong(text(c, "SELECT COALESCE(sum(row_count), 0) FROM " + MetadataSchema.LEAF + " WHERE table_id = ?", table.id()));
    }

    /** Row counts of the leaves that hold more than {@code limit} rows, or of the given leaves when {@code leaves} is not null. */
    static Map<Integer, Long> rowCounts(Connection c, TrackedTable table, long limit, List<Integer> leaves) throws SQLException {
        Map<Integer, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT leaf_no, row_count FROM " + MetadataSchema.LEAF
                + " WHERE table_id = ? AND row_count > ?" + (leaves == null ? "" : " AND leaf_no = ANY (?)"))) {
            ps.setInt(1, table.id());
            ps.setLong(2, limit);
            if (leaves != null) {
                ps.setArray(3, c.createArrayOf("int4", leaves.toArray(Integer[]::new)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Marks every leaf of the table dirty (a TRUNCATE, a transaction that changed most of it, a lost slot). */
    static int markAllDirty(Connection c, TrackedTable table) throws SQLException {
        return execute(c, "UPDATE " + MetadataSchema.LEAF + " SET dirty = true WHERE table_id = ? AND NOT dirty", table.id());
    }

    private static String text(Connection c, String sql, int tableId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static int execute(Connection c, String sql, int tableId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, tableId);
            return ps.executeUpdate();
        }
    }
}
