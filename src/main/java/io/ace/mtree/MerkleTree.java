package io.ace.mtree;

import io.ace.diff.BlockHash;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * The tree over a table's leaves: level 0 holds each leaf's digest (SHA-256 of its row count and
 * row-hash aggregate), each level above one digest per {@link #FANOUT} children, the top level a
 * single root. A parent is the SHA-256 of its children's digests in order, so equal children in
 * other places, or the same change on two sides, never cancel out as they would in a XOR.
 */
final class MerkleTree {

    static final int FANOUT = 16;

    private MerkleTree() {
    }

    /** Every level's digests, leaves first; a leaf never hashed gets an all-zero digest. */
    static List<List<byte[]>> levels(List<BlockHash> leaves) {
        List<List<byte[]>> levels = new ArrayList<>();
        List<byte[]> level = new ArrayList<>(leaves.size());
        for (BlockHash leaf : leaves) {
            level.add(leaf == null ? new byte[32] : sha256(ByteBuffer.allocate(16).putLong(leaf.rows()).putLong(leaf.hash()).array()));
        }
        levels.add(level);
        while (level.size() > 1) {
            List<byte[]> parents = new ArrayList<>();
            for (int from = 0; from < level.size(); from += FANOUT) {
                MessageDigest digest = newDigest();
                for (byte[] child : level.subList(from, Math.min(level.size(), from + FANOUT))) {
                    digest.update(child);
                }
                parents.add(digest.digest());
            }
            levels.add(parents);
            level = parents;
        }
        return levels;
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

    /** Writes the tree of the table's current leaf hashes, touching only the nodes that changed. */
    static void save(Connection c, TrackedTable table) throws SQLException {
        List<List<byte[]>> levels = levels(LeafStore.hashes(c, table));
        List<Integer> levelNumbers = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            for (int p = 0; p < levels.get(l).size(); p++) {
                levelNumbers.add(l);
                positions.add(p);
                digests.add(levels.get(l).get(p));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + MetadataSchema.TREE + " (table_id, level, position, digest)"
                + " SELECT ?, l, p, d FROM unnest(?::int[], ?::int[], ?::bytea[]) AS u(l, p, d)"
                + " ON CONFLICT (table_id, level, position) DO UPDATE SET digest = EXCLUDED.digest"
                + " WHERE " + MetadataSchema.TREE + ".digest <> EXCLUDED.digest")) {
            ps.setInt(1, table.id());
            ps.setArray(2, c.createArrayOf("int4", levelNumbers.toArray(Integer[]::new)));
            ps.setArray(3, c.createArrayOf("int4", positions.toArray(Integer[]::new)));
            ps.setArray(4, c.createArrayOf("bytea", digests.toArray(byte[][]::new)));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + MetadataSchema.TREE + " t WHERE t.table_id = ? AND (t.level >= ?"
                + " OR t.position >= (?::int[])[t.level + 1])")) {
            ps.setInt(1, table.id());
            ps.setInt(2, levels.size());
            ps.setArray(3, c.createArrayOf("int4", levels.stream().map(List::size).toArray(Integer[]::new)));
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

    private static byte[] sha256(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
