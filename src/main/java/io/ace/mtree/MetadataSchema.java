package io.ace.mtree;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * ACE's objects on a node: the schema {@code ace_mtree} with the trees, the publication that
 * names the tracked tables, and the logical slot that captures their changes. The tables are
 * UNLOGGED: they write no WAL, so no logical replication (native, pglogical, Spock) can carry
 * them to another node, whatever its replication sets or {@code FOR ALL TABLES} publications
 * hold. A crash of the server empties them; ACE then rebuilds that node's trees from the layout
 * the other nodes keep.
 */
final class MetadataSchema {

    static final String SCHEMA = "ace_mtree";
    static final String PUBLICATION = "ace_mtree";
    /** Slot names are unique per server, not per database: the database's oid keeps two databases of one server apart. */
    static final String SLOT_PREFIX = "ace_mtree_";

    static final String TRACKED = SCHEMA + ".tracked_table";
    static final String LEAF = SCHEMA + ".leaf";
    static final String TREE = SCHEMA + ".tree_node";
    static final String CHANGE = SCHEMA + ".change";

    private static final String DDL = """
            CREATE SCHEMA IF NOT EXISTS ace_mtree;
            COMMENT ON SCHEMA ace_mtree IS 'ACE Merkle trees of this node (unlogged: never replicated); dropped by ace mtree teardown';
            CREATE UNLOGGED TABLE IF NOT EXISTS ace_mtree.tracked_table (
                table_id serial PRIMARY KEY,
                schema_name text NOT NULL,
                table_name text NOT NULL,
                key_columns text[] NOT NULL,
                leaf_size integer NOT NULL,
                equality text NOT NULL,
                state text NOT NULL CHECK (state IN ('building', 'ready')),
                layout_version integer NOT NULL,
                layout_digest text,
                built_at timestamptz,
                updated_at timestamptz,
                UNIQUE (schema_name, table_name));
            ALTER TABLE ace_mtree.tracked_table ADD COLUMN IF NOT EXISTS column_choice text;
            CREATE UNLOGGED TABLE IF NOT EXISTS ace_mtree.leaf (
                table_id integer NOT NULL REFERENCES ace_mtree.tracked_table ON DELETE CASCADE,
                leaf_no integer NOT NULL,
                lower_key text[],
                row_count bigint,
                row_xor bigint,
                dirty boolean NOT NULL,
                tree_stale boolean NOT NULL DEFAULT true,
                PRIMARY KEY (table_id, leaf_no));
            CREATE UNLOGGED TABLE IF NOT EXISTS ace_mtree.tree_node (
                table_id integer NOT NULL REFERENCES ace_mtree.tracked_table ON DELETE CASCADE,
                level integer NOT NULL,
                position integer NOT NULL,
                digest bytea NOT NULL,
                PRIMARY KEY (table_id, level, position));
            CREATE UNLOGGED TABLE IF NOT EXISTS ace_mtree.change (
                change_id bigserial PRIMARY KEY,
                table_id integer NOT NULL REFERENCES ace_mtree.tracked_table ON DELETE CASCADE,
                key_values text[],
                whole_table boolean NOT NULL DEFAULT false);
            CREATE INDEX IF NOT EXISTS change_table ON ace_mtree.change (table_id, change_id);
            """;

    private MetadataSchema() {
    }

    /** Creates what is missing; the caller's transaction commits it. */
    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(DDL);
        }
    }

    static boolean exists(Connection c) throws SQLException {
        return single(c, "SELECT to_regclass('" + TRACKED + "') IS NOT NULL");
    }

    /** This node's slot name: one slot per database captures every tracked table of it. */
    static String slotName(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()")) {
            rs.next();
            return SLOT_PREFIX + rs.getLong(1);
        }
    }

    static boolean single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
