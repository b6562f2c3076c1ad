package io.ace.mtree;

import io.ace.catalog.TableShape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The keys change capture has seen change ({@code ace_mtree.change}): the marks that make leaves
 * dirty. Capture only appends; folding them into dirty leaves happens where leaves are rehashed,
 * under the table's lock, against the layout of that moment, so a split can never send a mark to
 * the wrong leaf.
 */
final class ChangeQueue {

    private ChangeQueue() {
    }

    /** Appends changed keys (each its key columns as text) of one table. */
    static void append(Connection c, int tableId, int keyColumns, Collection<List<String>> keys) throws SQLException {
        String columns = IntStream.range(0, keyColumns).mapToObj(i -> "u.c" + i).collect(Collectors.joining(", "));
        String arrays = IntStream.range(0, keyColumns).mapToObj(i -> "?::text[]").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + MetadataSchema.CHANGE + " (table_id, key_values) SELECT ?, ARRAY["
                + columns + "] FROM unnest(" + arrays + ") AS u(" + columns.replace("u.", "") + ")")) {
            ps.setInt(1, tableId);
            for (int col = 0; col < keyColumns; col++) {
                String[] values = new String[keys.size()];
                int row = 0;
                for (List<String> key : keys) {
                    values[row++] = key.get(col);
                }
                ps.setArray(col + 2, c.createArrayOf("text", values));
            }
            ps.executeUpdate();
        }
    }

    /** Every leaf of the table changed (TRUNCATE, or more keys in one transaction than are worth listing). */
    static void appendWholeTable(Connection c, int tableId) throws SQLException {
        LeafStore.execute(c, "INSERT INTO " + MetadataSchema.CHANGE + " (table_id, whole_table) VALUES (?, true)", tableId);
    }

    static long pending(Connection c, int tableId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + MetadataSchema.CHANGE + " WHERE table_id = ?")) {
            ps.setInt(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Marks dirty the leaves of every queued key of the table and removes those keys, in the
     * caller's transaction. A key's leaf is the one with the greatest lower bound at or below it:
     * bounds and keys are sorted together in key order and each key takes the last bound before it.
     * Returns the number of queued changes folded.
     */
    static long fold(Connection c, TrackedTable table, TableShape shape) throws SQLException {
        long last;
        long count;
        boolean whole;
        try (PreparedStatement ps = c.prepareStatement("SELECT max(change_id), count(*), COALESCE(bool_or(whole_table), false) FROM "
                + MetadataSchema.CHANGE + " WHERE table_id = ?")) {
            ps.setInt(1, table.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
                count = rs.getLong(2);
                whole = rs.getBoolean(3);
            }
        }
        if (count == 0) {
            return 0;
        }
        if (whole) {
            LeafStore.markAllDirty(c, table);
        } else {
            KeySql key = new KeySql(shape);
            String sql = "UPDATE " + MetadataSchema.LEAF + " SET dirty = true WHERE table_id = ? AND NOT dirty AND leaf_no IN ("
                    + "SELECT COALESCE(m.leaf, 0) FROM (SELECT s.kind, max(s.leaf_no) OVER (ORDER BY " + key.order("s")
                    + ", s.kind ROWS UNBOUNDED PRECEDING) AS leaf FROM ("
                    + "SELECT " + key.typedColumns("l.lower_key") + ", 0 AS kind, l.leaf_no FROM " + MetadataSchema.LEAF
                    + " l WHERE l.table_id = ? AND l.leaf_no > 0"
                    + " UNION ALL SELECT " + key.typedColumns("q.key_values") + ", 1, NULL FROM " + MetadataSchema.CHANGE
                    + " q WHERE q.table_id = ? AND q.change_id <= ? AND NOT q.whole_table) s) m WHERE m.kind = 1)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, table.id());
                ps.setInt(2, table.id());
                ps.setInt(3, table.id());
                ps.setLong(4, last);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + MetadataSchema.CHANGE + " WHERE table_id = ? AND change_id <= ?")) {
            ps.setInt(1, table.id());
            ps.setLong(2, last);
            ps.executeUpdate();
        }
        return count;
    }
}
