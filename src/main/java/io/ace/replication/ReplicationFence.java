package io.ace.replication;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.cluster.NodePool;
import io.ace.cluster.SessionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits until the changes each node had written when the fence was set have been confirmed by
 * every subscriber streaming from it: the logical walsenders of {@code pg_stat_replication}
 * (pglogical, Spock and native subscriptions alike) report how far their subscriber has
 * flushed. A node with no subscribers has nothing in flight. The wait is bounded; nodes still
 * behind when it ends are named.
 */
public final class ReplicationFence {

    /**
     * The node's position now, and whether a subscriber is still behind it: the fence and its first
     * check in one statement (the position read once, before the check).
     */
    private static final String SET = "WITH f AS MATERIALIZED (SELECT pg_catalog.pg_current_wal_lsn() AS lsn) SELECT f.lsn::text, EXISTS ("
            + subscribersBehind("f.lsn") + ") FROM f";
    private static final String BEHIND = "SELECT EXISTS (" + subscribersBehind("CAST(? AS pg_lsn)") + ")";
    private static final long POLL_MILLIS = 100;

    /** What the wait found: how long it took and which nodes' subscribers were still behind at the deadline. */
    public record Result(Duration waited, List<String> laggingNodes) {
    }

    /**
     * Subscribers still behind {@code lsn}; only logical walsenders (physical standbys do not apply
     * rows), and not ACE's own change capture, which reads changes but applies none.
     */
    private static String subscribersBehind(String lsn) {
        return "SELECT 1 FROM pg_catalog.pg_stat_replication r"
                + " JOIN pg_catalog.pg_replication_slots s ON s.active_pid = r.pid AND s.slot_type = 'logical'"
                + " WHERE (r.flush_lsn IS NULL OR r.flush_lsn < " + lsn + ") AND r.application_name <> '" + SessionSettings.APPLICATION_NAME + "'";
    }

    /**
     * Sets the fence on every node and waits until no subscriber is behind it or {@code timeout} has
     * passed. Every node is asked at once, each in one round trip: nodes across a network wait for
     * the slowest, not for the sum.
     */
    public Result await(ClusterSessions sessions, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (NodeFanOut fanOut = new NodeFanOut(sessions.pools().size())) {
            // the nodes a subscriber is still behind, with their fence
            Map<NodePool, String> waiting = new LinkedHashMap<>();
            fanOut.onEach(sessions.pools(), NodePool::name, ReplicationFence::set).forEach((name, fence) -> {
                if (fence.behind()) {
                    waiting.put(sessions.pool(name), fence.lsn());
                }
            });
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
                Map<String, Boolean> still = fanOut.onEach(List.copyOf(waiting.keySet()), NodePool::name, pool -> behind(pool, waiting.get(pool)));
                waiting.keySet().removeIf(pool -> !still.get(pool.name()));
            }
            return new Result(Duration.ofNanos(System.nanoTime() - start), waiting.keySet().stream().map(NodePool::name).toList());
        }
    }

    /** A node's fence: its position, and whether a subscriber was behind it when it was set. */
    private record Fence(String lsn, boolean behind) {
    }

    private static Fence set(NodePool pool) throws SQLException {
        try (Connection c = pool.open(); PreparedStatement ps = c.prepareStatement(SET); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Fence(rs.getString(1), rs.getBoolean(2));
        }
    }

    private static boolean behind(NodePool pool, String lsn) throws SQLException {
        try (Connection c = pool.open(); PreparedStatement ps = c.prepareStatement(BEHIND)) {
            ps.setString(1, lsn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
