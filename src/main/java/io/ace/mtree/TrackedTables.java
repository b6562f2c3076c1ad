package io.ace.mtree;

import io.ace.catalog.TableName;
import io.ace.diff.ColumnChoice;
import io.ace.diff.Equality;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tracked tables of one node ({@code ace_mtree.tracked_table}). */
final class TrackedTables {

    // the column choice through the row's JSON: metadata of an earlier version, not initialized again, has no such column
    private static final String COLUMNS = "t.table_id, t.schema_name, t.table_name, t.key_columns, t.leaf_size, t.equality, t.state,"
            + " t.layout_version, COALESCE(t.layout_digest, ''), to_jsonb(t) ->> 'column_choice'";

    private TrackedTables() {
    }

    static Optional<TrackedTable> find(Connection c, TableName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + MetadataSchema.TRACKED
                + " t WHERE t.schema_name = ? AND t.table_name = ?")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            List<TrackedTable> found = read(ps);
            return found.stream().findFirst();
        }
    }

    static List<TrackedTable> all(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + MetadataSchema.TRACKED + " t ORDER BY t.schema_name, t.table_name")) {
            return read(ps);
        }
    }

    /**
     * Starts a build: the table's row (kept when it was tracked before), state building, layout
     * {@code version}, and none of its leaves, tree nodes or queued changes: every one of them
     * predates the build's snapshots.
     */
    static TrackedTable startBuild(Connection c, TableName table, List<String> keyColumns, int leafSize, Equality equality,
                                   ColumnChoice columns, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + MetadataSchema.TRACKED
                + " (schema_name, table_name, key_columns, leaf_size, equality, column_choice, state, layout_version, built_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'building', ?, NULL, now())"
                + " ON CONFLICT (schema_name, table_name) DO UPDATE SET key_columns = EXCLUDED.key_columns,"
                + " leaf_size = EXCLUDED.leaf_size, equality = EXCLUDED.equality, column_choice = EXCLUDED.column_choice, state = 'building',"
                + " layout_version = EXCLUDED.layout_version, built_at = NULL, updated_at = now()")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            ps.setArray(3, c.createArrayOf("text", keyColumns.toArray()));
            ps.setInt(4, leafSize);
            ps.setString(5, equality.name().toLowerCase());
            ps.setString(6, columns.describe());
            ps.setInt(7, version);
            ps.executeUpdate();
        }
        TrackedTable tracked = find(c, table).orElseThrow();
        for (String t : List.of(MetadataSchema.LEAF, MetadataSchema.TREE, MetadataSchema.CHANGE)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE table_id = ?")) {
                ps.setInt(1, tracked.id());
                ps.executeUpdate();
            }
        }
        return tracked;
    }

    /** A table another node keeps, tracked here too from now on (this node lost its tree, or never had it). */
    static TrackedTable adopt(Connection c, TrackedTable from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + MetadataSchema.TRACKED
                + " (schema_name, table_name, key_columns, leaf_size, equality, column_choice, state, layout_version, built_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'ready', 0, now(), now()) ON CONFLICT (schema_name, table_name) DO NOTHING")) {
            ps.setString(1, from.name().schema());
            ps.setString(2, from.name().table());
            ps.setArray(3, c.createArrayOf("text", from.keyColumns().toArray()));
            ps.setInt(4, from.leafSize());
            ps.setString(5, from.equality().name().toLowerCase());
            ps.setString(6, from.columns().describe());
            ps.executeUpdate();
        }
        return find(c, from.name()).orElseThrow();
    }

    static void ready(Connection c, TrackedTable table) throws SQLException {
        update(c, table, "state = 'ready', built_at = now()");
    }

    static void touched(Connection c, TrackedTable table) throws SQLException {
        update(c, table, "updated_at = now()");
    }

    /** The layout the table's leaves now have: its version and a digest of the bounds (recorded, so nodes compare layouts without reading them). */
    static void layout(Connection c, TrackedTable table, int version, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + MetadataSchema.TRACKED + " SET layout_version = ?, layout_digest = ?"
                + " WHERE table_id = ?")) {
            ps.setInt(1, version);
            ps.setString(2, digest);
            ps.setInt(3, table.id());
            ps.executeUpdate();
        }
    }

    static void delete(Connection c, TrackedTable table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + MetadataSchema.TRACKED + " WHERE table_id = ?")) {
            ps.setInt(1, table.id());
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, TrackedTable table, String assignments) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + MetadataSchema.TRACKED + " SET " + assignments + " WHERE table_id = ?")) {
            ps.setInt(1, table.id());
            ps.executeUpdate();
        }
    }

    private static List<TrackedTable> read(PreparedStatement ps) throws SQLException {
        List<TrackedTable> tables = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(new TrackedTable(rs.getInt(1), new TableName(rs.getString(2), rs.getString(3)),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getInt(5), Equality.valueOf(rs.getString(6).toUpperCase()),
                        rs.getString(7).equals("ready"), rs.getInt(8), rs.getString(9), ColumnChoice.parse(rs.getString(10))));
            }
        }
        return tables;
    }
}
