package io.ace.replication;

import io.ace.catalog.Identifiers;
import io.ace.cluster.ClusterDefinition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The replication origins of one node, each with the cluster node whose changes it receives and
 * how far it has applied them. A subscription applies its provider's changes under an origin
 * (pglogical and Spock name it after the subscription's slot, native replication {@code pg_<oid>}),
 * so a row's commit origin ({@code pg_xact_commit_timestamp_origin}) says which node wrote it.
 * The provider is found by its replication node name when that is a cluster node's, else by the
 * address (host, port, database) of its connection string.
 *
 * @param node    the node read
 * @param origins every origin the node has, by its id
 */
public record ReplicationOrigins(String node, Map<Integer, Origin> origins) {

    /**
     * @param id        the origin's id on this node ({@code roident})
     * @param name      its name ({@code roname})
     * @param fromNode  the cluster node whose changes it applies, or null when none is known
     * @param remoteLsn how far into that node's WAL it has applied (its {@code remote_lsn}), or null
     */
    public record Origin(int id, String name, String fromNode, String remoteLsn) {

        /** How far it has applied: its {@code remote_lsn}, or {@code 0/0} when it has applied nothing yet. */
        public String appliedTo() {
            return remoteLsn == null ? "0/0" : remoteLsn;
        }
    }

    public static ReplicationOrigins read(Connection c, String node, ClusterDefinition cluster) throws SQLException {
        Map<String, String> providers = providers(c, cluster);
        Map<Integer, Origin> origins = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT o.roident::int, o.roname, s.remote_lsn::text FROM pg_catalog.pg_replication_origin o"
                        + " LEFT JOIN pg_catalog.pg_replication_origin_status s ON s.local_id = o.roident ORDER BY o.roident")) {
            while (rs.next()) {
                String name = rs.getString(2);
                origins.put(rs.getInt(1), new Origin(rs.getInt(1), name, providers.get(name), rs.getString(3)));
            }
        }
        return new ReplicationOrigins(node, origins);
    }

    /** The origin applying {@code clusterNode}'s changes here, if this node subscribes to it. */
    public Optional<Origin> from(String clusterNode) {
        return origins.values().stream().filter(o -> clusterNode.equals(o.fromNode())).findFirst();
    }

    /** What a row's origin id means here: the cluster node it came from, else the origin's own name. */
    public Map<Integer, String> namesById() {
        Map<Integer, String> names = new HashMap<>();
        origins.forEach((id, o) -> names.put(id, o.fromNode() != null ? o.fromNode() : o.name()));
        return names;
    }

    /** Origin name to the cluster node whose changes it applies, from the node's subscriptions. */
    private static Map<String, String> providers(Connection c, ClusterDefinition cluster) throws SQLException {
        ReplicationKind kind = ReplicationCatalog.kind(c);
        String sql;
        if (kind == ReplicationKind.NATIVE) {
            boolean conninfo;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT pg_catalog.has_column_privilege('pg_catalog.pg_subscription', 'subconninfo', 'SELECT')")) {
                rs.next();
                conninfo = rs.getBoolean(1);
            }
            sql = "SELECT 'pg_' || s.oid, NULL, " + (conninfo ? "s.subconninfo" : "NULL") + " FROM pg_catalog.pg_subscription s"
                    + " WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())";
        } else {
            String s = Identifiers.quote(kind.label());
            sql = "SELECT s.sub_slot_name, n.node_name, i.if_dsn FROM " + s + ".subscription s JOIN " + s + ".node n ON n.node_id = s.sub_origin"
                    + " LEFT JOIN " + s + ".node_interface i ON i.if_id = s.sub_origin_if";
        }
        Map<String, String> providers = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String origin = rs.getString(1);
                String name = rs.getString(2);
                Optional<String> node = name != null && cluster.nodes().containsKey(name) ? Optional.of(name)
                        : ConnectionStrings.nodeAt(rs.getString(3), cluster.nodes().values());
                node.ifPresent(n -> providers.put(origin, n));
            }
        }
        return providers;
    }
}
