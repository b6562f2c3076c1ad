package io.ace.mtree;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree over a table's leaves, kept on the node and computed there: level 0 holds each leaf's
 * digest (SHA-256 of its row count and row-hash aggregate), each level above one digest per
 * {@link #FANOUT} children, the top level a single root. A parent is the SHA-256 of its
 * children's digests in order, so equal children in other places, or the same change in two
 * leaves, never cancel out as they would in a XOR.
 */
final class MerkleTree {

    static final int FANOUT = 16;

    /**
     * The digest of every leaf rehashed since the tree was last written (all zeros for a leaf
     * never hashed); returns the positions whose digest changed.
     */
    private static final String LEAF_DIGESTS = "INSERT INTO " + MetadataSchema.TREE + " (table_id, level, position, digest)"
            + " SELECT table_id, 0, leaf_no, CASE WHEN row_count IS NULL THEN decode(repeat('00', 32), 'hex')"
            + " ELSE sha256(int8send(row_count) || int8send(row_xor)) END FROM " + MetadataSchema.LEAF + " WHERE table_id = ? AND tree_stale"
            + " ON CONFLICT (table_id, level, position) DO UPDATE SET digest = EXCLUDED.digest"
            + " WHERE " + MetadataSchema.TREE + ".digest <> EXCLUDED.digest RETURNING position";

    /** The given parents of one level from their children in order; returns the positions whose digest changed. */
    private static final String PARENT_DIGESTS = "INSERT INTO " + MetadataSchema.TREE + " (table_id, level, position, digest)"
            + " SELECT table_id, ?, position / " + FANOUT + ", sha256(string_agg(digest, ''::bytea ORDER BY position)) FROM "
            + MetadataSchema.TREE + " WHERE table_id = ? AND level = ? AND position / " + FANOUT + " = ANY (?)"
            + " GROUP BY table_id, position / " + FANOUT
            + " ON CONFLICT (table_id, level, position) DO UPDATE SET digest = EXCLUDED.digest"
            + " WHERE " + MetadataSchema.TREE + ".digest <> EXCLUDED.digest RETURNING position";

    private MerkleTree() {
    }

    /** Number of levels of a tree over {@code leaves} leaves (1 for a single leaf, which is the root). */
    static int height(int leaves) {
        int height = 1;
        for (int n = leaves; n > 1; n = (n + FANOUT - 1) / FANOUT) {
            height++;
        }
        return height;
    }

    /** Nodes at {@code level} of a tree over {@code leaves} leaves. */
    static int width(int leaves, int level) {
        int n = leaves;
        for (int l = 0; l < level; l++) {
            n = (n + FANOUT - 1) / FANOUT;
        }
        return n;
    }

    /**
     * Brings the table's tree up to its leaves, in the caller's transaction: the digests of the
     * leaves rehashed since (marked stale with their new hash, so a run that died after rehashing
     * leaves the mark for the next one), then only the ancestors of the digests that changed.
     */
    static void save(Connection c, TrackedTable table) throws SQLException {
        int leaves = LeafStore.count(c, table);
        List<Integer> changed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LEAF_DIGESTS)) {
            ps.setInt(1, table.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getInt(1));
                }
            }
        }
        LeafStore.execute(c, "UPDATE " + MetadataSchema.LEAF + " SET tree_stale = false WHERE table_id = ? AND tree_stale", table.id());
        int height = height(leaves);
        for (int level = 1; level < height && !changed.isEmpty(); level++) {
            List<Integer> parents = changed.stream().map(p -> p / FANOUT).distinct().toList();
            changed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(PARENT_DIGESTS)) {
                ps.setInt(1, level);
                ps.setInt(2, table.id());
                ps.setInt(3, level - 1);
                ps.setArray(4, c.createArrayOf("int4", parents.toArray(Integer[]::new)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changed.add(rs.getInt(1));
                    }
                }
            }
        }
        List<Integer> widths = new ArrayList<>();
        for (int level = 0; level < height; level++) {
            widths.add(width(leaves, level));
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + MetadataSchema.TREE + " t WHERE t.table_id = ? AND (t.level >= ?"
                + " OR t.position >= (?::int[])[t.level + 1])")) {
            ps.setInt(1, table.id());
            ps.setInt(2, height);
            ps.setArray(3, c.createArrayOf("int4", widths.toArray(Integer[]::new)));
            ps.executeUpdate();
        }
    }

    /** The digests of the given positions of one level, by position (a position the node lacks is missing). */
    static Map<Integer, byte[]> read(Connection c, TrackedTable table, int level, List<Integer> positions) throws SQLException {
        Map<Integer, byte[]> digests = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT position, digest FROM " + MetadataSchema.TREE
                + " WHERE table_id = ? AND level = ? AND position = ANY (?)")) {
            ps.setInt(1, table.id());
            ps.setInt(2, level);
            Array array = c.createArrayOf("int4", positions.toArray(Integer[]::new));
            ps.setArray(3, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    digests.put(rs.getInt(1), rs.getBytes(2));
                }
            }
        }
        return digests;
    }
}
