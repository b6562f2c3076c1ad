package io.ace.replication;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodePool;
import io.ace.cluster.SessionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
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

    private static final String CURRENT_LSN = "SELECT pg_catalog.pg_current_wal_lsn()::text";
    /**
     * Subscribers still behind the given LSN, by name; only logical walsenders (physical standbys do
     * not apply rows), and not ACE's own change capture, which reads changes but applies none.
     */
    private static final String BEHIND = """
            SELECT r.application_name FROM pg_catalog.pg_stat_replication r
            JOIN pg_catalog.pg_replication_slots s ON s.active_pid = r.pid AND s.slot_type = 'logical'
            WHERE (r.flush_lsn IS NULL OR r.flush_lsn < ?::pg_lsn) AND r.application_name <> '""" + SessionSettings.APPLICATION_NAME + "'";
    private static final long POLL_MILLIS = 100;

    /** What the wait found: how long it took and which nodes' subscribers were still behind at the deadline. */
    public record Result(Duration waited, List<String> laggingNodes) {
    }

    public Result await(ClusterSessions sessions, Duration timeout) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        Map<NodePool, String> fence = new LinkedHashMap<>();
        for (NodePool pool : sessions.pools()) {
            try (Connection c = pool.open(); PreparedStatement ps = c.prepareStatement(CURRENT_LSN); ResultSet rs = ps.executeQuery()) {
                rs.next();
                fence.put(pool, rs.getString(1));
            }
        }
        long deadline = start + timeout.toNanos();
        List<String> lagging = new ArrayList<>();
        while (true) {
            lagging.clear();
            for (Map.Entry<NodePool, String> f : fence.entrySet()) {
                if (behind(f.getKey(), f.getValue())) {
                    lagging.add(f.getKey().name());
                }
            }
            if (lagging.isEmpty() || System.nanoTime() >= deadline) {
                return new Result(Duration.ofNanos(System.nanoTime() - start), List.copyOf(lagging));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static boolean behind(NodePool pool, String lsn) throws SQLException {
        try (Connection c = pool.open(); PreparedStatement ps = c.prepareStatement(BEHIND)) {
            ps.setString(1, lsn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
