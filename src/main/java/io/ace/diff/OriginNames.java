package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.exit.AceException;
import io.ace.replication.ReplicationOrigins;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a row's commit origin id means on each node: the cluster node (or the origin's name) by
 * id, per node, since each node numbers its origins itself. Id 0 is a change made on the node.
 *
 * @param byNode   per node, origin id to what it names
 * @param provides per node, the cluster nodes it receives changes from
 */
public record OriginNames(Map<String, Map<Integer, String>> byNode, Map<String, Set<String>> provides) {

    public OriginNames {
        byNode = Map.copyOf(byNode);
        provides = Map.copyOf(provides);
    }

    /**
     * The origins of every node of {@code sessions}; every node must record commit timestamps,
     * or it is a configuration error saying {@code why} they are needed.
     */
    public static OriginNames read(ClusterSessions sessions, String why) {
        return read(sessions, why, true);
    }

    /** The origins of every node of {@code sessions}, or null when some node does not record commit timestamps. */
    public static OriginNames readIfKept(ClusterSessions sessions) {
        return read(sessions, null, false);
    }

    private static OriginNames read(ClusterSessions sessions, String why, boolean required) {
        Map<String, Tracked> read = NodeFanOut.readEveryNode(sessions, node -> "cannot read the replication origins of node " + node,
                (c, node) -> {
                    String setting;
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('track_commit_timestamp')")) {
                        rs.next();
                        setting = rs.getString(1);
                    }
                    return new Tracked(setting, "on".equals(setting) ? ReplicationOrigins.read(c, node, sessions.cluster()) : null);
                });
        Map<String, Map<Integer, String>> names = new LinkedHashMap<>();
        Map<String, Set<String>> provides = new LinkedHashMap<>();
        for (Map.Entry<String, Tracked> node : read.entrySet()) {
            ReplicationOrigins origins = node.getValue().origins();
            if (origins == null) {
                if (!required) {
                    return null;
                }
                throw AceException.config("node " + node.getKey() + " does not record commit timestamps (track_commit_timestamp is "
                        + node.getValue().setting() + "), and " + why + "; set track_commit_timestamp = on in its postgresql.conf and restart it"
                        + " (rows written before that carry no origin)");
            }
            names.put(node.getKey(), origins.namesById());
            Set<String> from = new TreeSet<>();
            origins.origins().values().forEach(o -> {
                if (o.fromNode() != null) {
                    from.add(o.fromNode());
                }
            });
            provides.put(node.getKey(), from);
        }
        return new OriginNames(names, provides);
    }

    /** One node's {@code track_commit_timestamp}, and its origins when it is on. */
    private record Tracked(String setting, ReplicationOrigins origins) {
    }

    /** Whether some node receives changes from {@code node}. */
    public boolean receivesFrom(String node) {
        return provides.values().stream().anyMatch(from -> from.contains(node));
    }

    /** A row's origin on {@code node} from its origin id and commit time (both null when the node no longer knows them). */
    RowOrigin of(String node, Integer id, String commitTs) {
        if (id == null && commitTs == null) {
            return null;
        }
        String from = id == null || id == 0 ? RowOrigin.LOCAL : byNode.getOrDefault(node, Map.of()).getOrDefault(id, "origin " + id);
        return new RowOrigin(from, commitTs);
    }
}
