package io.ace.replication;

import io.ace.catalog.Identifiers;
import io.ace.catalog.TableName;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a node's replication configuration from whichever catalog it has: Spock's (schema
 * {@code spock}) or pglogical's (schema {@code pglogical}, the same shape), else PostgreSQL's
 * own publications and subscriptions. Row filters come back as SQL over the table's columns,
 * connection strings without their passwords.
 */
public final class ReplicationCatalog {

    /** Whether a set member's rows can be identified on a subscriber: its replica identity (by default its primary key). */
    private static final String KEYED = "(c.relreplident IN ('f', 'i') OR (c.relreplident = 'd' AND EXISTS (SELECT 1 FROM pg_catalog.pg_index x"
            + " WHERE x.indrelid = c.oid AND x.indisprimary)))";

    /** Every node's configuration, read on all nodes at once, in node order; a node whose catalog cannot be read is named (exit 78). */
    public List<ReplicationConfig> readAll(ClusterSessions sessions) {
        return List.copyOf(NodeFanOut.readEveryNode(sessions, node -> "cannot read the replication configuration of node " + node,
                this::read).values());
    }

    public ReplicationConfig read(Connection c, String node) throws SQLException {
        ReplicationKind kind = kind(c);
        return kind == ReplicationKind.NATIVE ? nativeConfig(c, node) : setsConfig(c, node, kind);
    }

    /** Spock when the node has it, else pglogical when it has that, else native replication. */
    public static ReplicationKind kind(Connection c) throws SQLException {
        List<String> installed = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT extname FROM pg_catalog.pg_extension WHERE extname IN ('spock', 'pglogical')")) {
            while (rs.next()) {
                installed.add(rs.getString(1));
            }
        }
        return installed.contains("spock") ? ReplicationKind.SPOCK
                : installed.contains("pglogical") ? ReplicationKind.PGLOGICAL : ReplicationKind.NATIVE;
    }

    private ReplicationConfig setsConfig(Connection c, String node, ReplicationKind kind) throws SQLException {
        String s = Identifiers.quote(kind.label());
        String localNode = null;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT n.node_name FROM " + s + ".local_node l JOIN " + s + ".node n ON n.node_id = l.node_id")) {
            if (rs.next()) {
                localNode = rs.getString(1);
            }
        }
        Map<String, String> status = subscriptionStatus(c, kind);
        List<ReplicationConfig.Subscription> subscriptions = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT s.sub_name, o.node_name, i.if_dsn, s.sub_enabled, s.sub_replication_sets, s.sub_forward_origins"
                        + " FROM " + s + ".subscription s JOIN " + s + ".node o ON o.node_id = s.sub_origin"
                        + " LEFT JOIN " + s + ".node_interface i ON i.if_id = s.sub_origin_if ORDER BY s.sub_name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                boolean enabled = rs.getBoolean(4);
                subscriptions.add(new ReplicationConfig.Subscription(name, rs.getString(2), ConnectionStrings.withoutPassword(rs.getString(3)),
                        enabled, status.getOrDefault(name, enabled ? "unknown" : "disabled"), texts(rs.getArray(5)), texts(rs.getArray(6))));
            }
        }
        String local = "(SELECT node_id FROM " + s + ".local_node)";
        List<ReplicationConfig.ReplicationSet> sets = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT set_name, replicate_insert, replicate_update, replicate_delete, replicate_truncate FROM " + s
                        + ".replication_set WHERE set_nodeid = " + local + " ORDER BY set_name")) {
            while (rs.next()) {
                sets.add(new ReplicationConfig.ReplicationSet(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5)));
            }
        }
        List<ReplicationConfig.SetTable> tables = tables(c, "SELECT rs.set_name, n.nspname, c.relname,"
                + " pg_catalog.pg_get_expr(st.set_row_filter, st.set_reloid), st.set_att_list, " + KEYED
                + " FROM " + s + ".replication_set_table st JOIN " + s + ".replication_set rs ON rs.set_id = st.set_id"
                + " JOIN pg_catalog.pg_class c ON c.oid = st.set_reloid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE rs.set_nodeid = " + local + " ORDER BY 1, 2, 3");
        List<TableName> inNoSet = inNoSet(c, "EXISTS (SELECT 1 FROM " + s + ".replication_set_table st WHERE st.set_reloid = c.oid)");
        return new ReplicationConfig(node, kind, localNode, subscriptions, sets, tables, inNoSet);
    }

    /** The status each subscription's apply worker reports ({@code replicating}, {@code down}, ...). */
    private static Map<String, String> subscriptionStatus(Connection c, ReplicationKind kind) throws SQLException {
        String function = kind == ReplicationKind.SPOCK ? "spock.sub_show_status()" : "pglogical.show_subscription_status()";
        Map<String, String> status = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT subscription_name, status FROM " + function)) {
            while (rs.next()) {
                status.put(rs.getString(1), rs.getString(2));
            }
        }
        return status;
    }

    private ReplicationConfig nativeConfig(Connection c, String node) throws SQLException {
        List<ReplicationConfig.Subscription> subscriptions = new ArrayList<>();
        boolean conninfo = bool(c, "SELECT pg_catalog.has_column_privilege('pg_catalog.pg_subscription', 'subconninfo', 'SELECT')");
        // PostgreSQL 16 and later can leave changes of other origins out; 15 forwards them all
        boolean origin = bool(c, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = 'pg_catalog.pg_subscription'::regclass"
                + " AND attname = 'suborigin')");
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT s.subname, s.subenabled, s.subpublications, " + (conninfo ? "s.subconninfo" : "NULL") + ", "
                        + (origin ? "s.suborigin" : "'any'")
                        + ", EXISTS (SELECT 1 FROM pg_catalog.pg_stat_subscription w WHERE w.subid = s.oid AND w.pid IS NOT NULL"
                        + " AND w.relid IS NULL)"
                        + " FROM pg_catalog.pg_subscription s"
                        + " WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())"
                        + " ORDER BY s.subname")) {
            while (rs.next()) {
                boolean enabled = rs.getBoolean(2);
                String status = !enabled ? "disabled" : rs.getBoolean(6) ? "replicating" : "down";
                List<String> forward = "none".equals(rs.getString(5)) ? List.of() : List.of("all");
                subscriptions.add(new ReplicationConfig.Subscription(rs.getString(1), null, ConnectionStrings.withoutPassword(rs.getString(4)),
                        enabled, status, texts(rs.getArray(3)), forward));
            }
        }
        List<ReplicationConfig.ReplicationSet> sets = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT pubname, pubinsert, pubupdate, pubdelete, pubtruncate FROM pg_catalog.pg_publication ORDER BY pubname")) {
            while (rs.next()) {
                sets.add(new ReplicationConfig.ReplicationSet(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5)));
            }
        }
        // pg_publication_tables expands FOR ALL TABLES and TABLES IN SCHEMA; it lists every column when
        // there is no column list, so whether there is one comes from pg_publication_rel
        List<ReplicationConfig.SetTable> tables = tables(c, "SELECT pt.pubname, pt.schemaname, pt.tablename, pt.rowfilter,"
                + " CASE WHEN pr.prattrs IS NULL THEN NULL ELSE pt.attnames END, " + KEYED
                + " FROM pg_catalog.pg_publication_tables pt JOIN pg_catalog.pg_publication p ON p.pubname = pt.pubname"
                + " JOIN pg_catalog.pg_namespace n ON n.nspname = pt.schemaname"
                + " JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = pt.tablename"
                + " LEFT JOIN pg_catalog.pg_publication_rel pr ON pr.prpubid = p.oid AND pr.prrelid = c.oid ORDER BY 1, 2, 3");
        // with publish_via_partition_root off a publication lists a partitioned table's partitions, not the table
        String published = "EXISTS (SELECT 1 FROM pg_catalog.pg_publication_tables pt WHERE pt.schemaname = n.nspname AND pt.tablename = c.relname)"
                + " OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhrelid"
                + " JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace JOIN pg_catalog.pg_publication_tables pt"
                + " ON pt.schemaname = pn.nspname AND pt.tablename = pc.relname WHERE i.inhparent = c.oid)";
        return new ReplicationConfig(node, ReplicationKind.NATIVE, null, subscriptions, sets, tables, inNoSet(c, published));
    }

    /** Permanent tables of the node's own schemas (not partitions, not an extension's) for which {@code inSet} is false. */
    private static List<TableName> inNoSet(Connection c, String inSet) throws SQLException {
        List<TableName> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p') AND c.relpersistence = 'p' AND NOT c.relispartition"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pglogical', 'spock')"
                        + " AND n.nspname NOT LIKE 'pg\\_%'"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass"
                        + " AND d.objid = c.oid AND d.deptype = 'e')"
                        + " AND NOT (" + inSet + ") ORDER BY 1, 2")) {
            while (rs.next()) {
                tables.add(new TableName(rs.getString(1), rs.getString(2)));
            }
        }
        return tables;
    }

    private static List<ReplicationConfig.SetTable> tables(Connection c, String sql) throws SQLException {
        List<ReplicationConfig.SetTable> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Array columns = rs.getArray(5);
                tables.add(new ReplicationConfig.SetTable(rs.getString(1), new TableName(rs.getString(2), rs.getString(3)), rs.getString(4),
                        columns == null ? null : texts(columns), rs.getBoolean(6)));
            }
        }
        return tables;
    }

    private static boolean bool(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
