package io.ace.catalog;

import io.ace.cluster.StatementGroup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a table's shape from one node's catalog. */
public final class CatalogReader {

    /** First OID of objects created after initdb: types above it are user-defined and node-local. */
    private static final long FIRST_NORMAL_OID = 16384;

    private static final String COLUMNS_SQL = """
            WITH RECURSIVE col AS (
              SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS declared,
                     a.atttypid AS typid, a.atttypmod AS typmod, a.attcollation
              FROM pg_catalog.pg_attribute a
              WHERE a.attrelid = pg_catalog.to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped
            ), base AS (
              SELECT attnum, typid AS cur, typmod AS curmod FROM col
              UNION ALL
              SELECT b.attnum, t.typbasetype, t.typtypmod FROM base b JOIN pg_catalog.pg_type t ON t.oid = b.cur
              WHERE t.typtype = 'd'
            )
            SELECT c.attname, c.declared, bt.oid AS base_oid, bt.typname AS base_name,
                   CASE WHEN c.typid = bt.oid THEN c.typmod ELSE b.curmod END AS base_typmod,
                   bt.typtype, bt.typelem, et.typtype AS elem_kind, et.oid AS elem_oid,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_opclass oc JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod
                           WHERE am.amname = 'hash' AND oc.opcdefault
                             AND oc.opcintype = CASE WHEN bt.typelem <> 0 AND bt.typlen = -1 THEN et.oid ELSE bt.oid END) AS hashable,
                   CASE WHEN coll.oid IS NULL THEN NULL ELSE quote_ident(cn.nspname) || '.' || quote_ident(coll.collname) END AS collname, COALESCE(coll.collisdeterministic, true) AS deterministic
            FROM col c
            JOIN base b ON b.attnum = c.attnum
            JOIN pg_catalog.pg_type bt ON bt.oid = b.cur AND bt.typtype <> 'd'
            LEFT JOIN pg_catalog.pg_type et ON et.oid = bt.typelem AND bt.typlen = -1 AND bt.typelem <> 0
            LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = c.attcollation AND c.attcollation <> 0
            LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = coll.collnamespace
            ORDER BY c.attnum
            """;

    /**
     * An index of {@code i} that identifies rows: the primary key, or a unique index that could be
     * one (the replica identity index is such an index). Its columns must be compared with their
     * types' default operators in their own collations, as every key range of a comparison is.
     */
    private static final String USABLE_KEY = """
            i.indisunique AND i.indisvalid AND i.indimmediate AND i.indpred IS NULL AND i.indexprs IS NULL
            AND (i.indisprimary OR NOT EXISTS (
              SELECT 1 FROM generate_series(0, i.indnkeyatts - 1) AS g(ord)
              JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[g.ord]
              JOIN pg_catalog.pg_opclass oc ON oc.oid = i.indclass[g.ord]
              WHERE NOT a.attnotnull OR NOT oc.opcdefault OR i.indcollation[g.ord] <> a.attcollation))
            """;

    private static final String KEY_SQL = """
            SELECT ic.relname::text,
                   CASE WHEN i.indisprimary THEN 'p' WHEN i.indisreplident THEN 'i' ELSE 'u' END,
                   ARRAY(SELECT a.attname::text FROM generate_series(0, i.indnkeyatts - 1) AS g(ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[g.ord] ORDER BY g.ord)
            FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indrelid = pg_catalog.to_regclass(?) AND\s""" + USABLE_KEY + """
            ORDER BY i.indisprimary DESC, i.indisreplident DESC, i.indnkeyatts, ic.relname
            LIMIT 1
            """;

    private static final String EXISTS_SQL = """
            SELECT c.relkind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ?
            """;

    private static final String FACTS_SQL = """
            SELECT c.relkind, c.relpersistence,
                   c.relkind = 'r' AND EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhparent = c.oid)
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ?
            """;

    /** Kind, persistence and inheritance of a relation, or empty when nothing of that name exists on this node. */
    public Optional<TableFacts> facts(Connection connection, TableName table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(FACTS_SQL)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TableFacts(rs.getString(1).charAt(0), rs.getString(2).charAt(0), rs.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * The relation's kind, its columns and its key, in one round trip: a relation that does not exist
     * has no columns and no key (to_regclass gives null rather than an error).
     */
    private static final String SHAPE_SQL = StatementGroup.text(List.of(EXISTS_SQL, COLUMNS_SQL, KEY_SQL));

    /** The table's shape, or empty when the table does not exist on this node. */
    public Optional<TableShape> read(Connection connection, TableName table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SHAPE_SQL)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            ps.setString(3, table.sql());
            ps.setString(4, table.sql());
            ps.execute();
            try (ResultSet rs = ps.getResultSet()) {
                if (!rs.next() || !List.of("r", "p").contains(rs.getString(1))) {
                    return Optional.empty();
                }
            }
            ps.getMoreResults();
            List<Column> columns = columns(ps.getResultSet());
            ps.getMoreResults();
            return Optional.of(withKey(table, columns, ps.getResultSet()));
        }
    }

    private static List<Column> columns(ResultSet rs) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                boolean array = rs.getLong("typelem") != 0 && rs.getString("elem_kind") != null;
                long elemOid = rs.getLong("elem_oid");
                boolean builtin = rs.getLong("base_oid") < FIRST_NORMAL_OID && (!array || elemOid < FIRST_NORMAL_OID);
                String elemKind = rs.getString("elem_kind");
                columns.add(new Column(rs.getString("attname"), rs.getString("declared"), rs.getString("base_name"),
                        rs.getInt("base_typmod"), rs.getString("typtype").charAt(0), builtin, array,
                        elemKind == null ? null : elemKind.charAt(0), rs.getBoolean("hashable"),
                        rs.getBoolean("deterministic"), rs.getString("collname")));
            }
        }
        return columns;
    }

    private static TableShape withKey(TableName table, List<Column> columns, ResultSet rs) throws SQLException {
        List<String> keyNames = new ArrayList<>();
        KeyIndex keyIndex = null;
        try (rs) {
            if (rs.next()) {
                keyIndex = new KeyIndex(rs.getString(1), KeyIndex.Kind.of(rs.getString(2).charAt(0)));
                keyNames.addAll(List.of((String[]) rs.getArray(3).getArray()));
            }
        }
        List<Column> key = keyNames.stream()
                .map(k -> columns.stream().filter(c -> c.name().equals(k)).findFirst().orElseThrow())
                .toList();
        return new TableShape(table, columns, key, keyIndex);
    }
}
