package io.ace.repair;

import io.ace.cluster.ClusterSessions;
import io.ace.exit.AceException;
import io.ace.replication.ReplicationOrigins;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes planned changes under the origin and commit time of the rows they copy
 * (--preserve-origin): the target's session takes the replication origin through which the
 * target receives the node that wrote each row, and marks the transaction as that node's commit
 * with its commit time ({@code pg_replication_origin_xact_setup}). PostgreSQL records one origin
 * and one commit time per transaction, so each group of rows with the same origin and commit
 * time is its own transaction: the repair is atomic per group, not per node. Deletes, which copy
 * no row, are written first under the repair's own origin. The origin's position is given as the
 * target's own, so the target's replication from that node does not skip anything.
 */
final class OriginGroups {

    /** Repeats what each transaction sets first. */
    interface Begin {
        void run() throws SQLException;
    }

    /** Writes the ready changes. */
    interface Write {
        void run(Connection c) throws SQLException;
    }

    private record Group(Integer originId, String commitTs) {
    }

    private final RepairSql sql;
    private final ClusterSessions sessions;
    private final String source;
    private final String target;

    OriginGroups(RepairSql sql, ClusterSessions sessions, String source, String target) {
        this.sql = sql;
        this.sessions = sessions;
        this.source = source;
        this.target = target;
    }

    /**
     * Commits the plan, then writes each group in its own transaction. Every origin needed is
     * checked before anything is written.
     */
    void write(Connection c, Begin begin, Write write, ReplicationGuard guard) throws SQLException {
        ReplicationOrigins sourceOrigins;
        try (Connection s = sessions.pool(source).open()) {
            sourceOrigins = ReplicationOrigins.read(s, source, sessions.cluster());
        }
        ReplicationOrigins targetOrigins = ReplicationOrigins.read(c, target, sessions.cluster());
        List<Group> groups = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql.holdReady());
            try (ResultSet rs = st.executeQuery(sql.waitingGroups())) {
                while (rs.next()) {
                    groups.add(new Group(rs.getObject(1, Integer.class), rs.getString(2)));
                }
            }
        }
        Map<Integer, ReplicationOrigins.Origin> origins = new LinkedHashMap<>();
        for (Group g : groups) {
            if (g.originId() != null && g.commitTs() != null && !origins.containsKey(g.originId())) {
                origins.put(g.originId(), targetOrigin(sourceOrigins, targetOrigins, g.originId()));
            }
        }
        for (ReplicationOrigins.Origin o : origins.values()) {
            if (o != null) {
                guard.use(c, o.name(), target);
                guard.restore(c);
            }
        }
        c.commit();
        for (Group g : groups) {
            ReplicationOrigins.Origin origin = g.commitTs() == null ? null : origins.get(g.originId());
            begin.run();
            try (PreparedStatement ps = c.prepareStatement(sql.readyGroup())) {
                ps.setObject(1, g.originId());
                ps.setString(2, g.commitTs());
                ps.executeUpdate();
            }
            if (origin != null) {
                guard.use(c, origin.name(), target);
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_replication_origin_xact_setup(CAST(? AS pg_lsn), CAST(? AS timestamptz))")) {
                    ps.setString(1, origin.appliedTo());
                    ps.setString(2, g.commitTs());
                    ps.execute();
                }
            }
            write.run(c);
            try (Statement st = c.createStatement()) {
                st.executeUpdate(sql.setAsideWritten(false));
            }
            c.commit();
            if (origin != null) {
                guard.restore(c);
            }
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql.setAsideWritten(true));
        }
    }

    /**
     * The target's origin for the node a source row's change came from (its origin id on the
     * source; 0 is the source's own write), or null when the row is written without one: it came
     * from the target itself, or from an origin of no cluster node.
     */
    private ReplicationOrigins.Origin targetOrigin(ReplicationOrigins sourceOrigins, ReplicationOrigins targetOrigins, int originId) {
        String node = originId == 0 ? source : sourceOrigins.origins().containsKey(originId) ? sourceOrigins.origins().get(originId).fromNode() : null;
        if (node == null || node.equals(target)) {
            return null;
        }
        return targetOrigins.from(node).orElseThrow(() -> AceException.config("node " + target + " has no replication origin for changes from "
                + node + " (no subscription to it), so --preserve-origin cannot write " + node + "'s rows as " + node
                + "'s; leave out --preserve-origin, or subscribe " + target + " to " + node));
    }
}
