package io.ace.diff;

import io.ace.replication.NodeHealth;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Courtesy to production nodes: before a partition's hashing, wait while any node runs more
 * than {@code maxLoad} active application sessions, or its subscribers lag by more than
 * {@code maxLagSeconds}. Zero turns a limit off.
 */
public final class Throttle {

    private static final String ACTIVE = "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE state = 'active'"
            + " AND backend_type = 'client backend' AND application_name <> 'ace'";
    private static final long POLL_MILLIS = 1_000;

    private final int maxLoad;
    private final int maxLagSeconds;

    public Throttle(int maxLoad, int maxLagSeconds) {
        this.maxLoad = maxLoad;
        this.maxLagSeconds = maxLagSeconds;
    }

    /** Returns once every node is under its limits; {@code onPause} hears why each wait happens. Returns the milliseconds paused. */
    long awaitCapacity(List<NodeSnapshot> sessions, Consumer<String> onPause) throws SQLException, InterruptedException {
        if (maxLoad <= 0 && maxLagSeconds <= 0) {
            return 0;
        }
        long paused = 0;
        while (true) {
            String reason = overLimit(sessions);
            if (reason == null) {
                return paused;
            }
            onPause.accept(reason);
            Thread.sleep(POLL_MILLIS);
            paused += POLL_MILLIS;
        }
    }

    /**
     * Asked through the partition's own sessions, so that a paused partition takes no more of a
     * node's session budget than it holds.
     */
    private String overLimit(List<NodeSnapshot> sessions) throws SQLException {
        for (NodeSnapshot node : sessions) {
            if (maxLoad > 0) {
                long active = (long) Math.ceil(node.currentStatistic(ACTIVE));
                if (active > maxLoad) {
                    return node.node() + ": " + active + " active sessions > --max-load " + maxLoad;
                }
            }
            if (maxLagSeconds > 0) {
                long lag = (long) Math.ceil(node.currentStatistic(NodeHealth.LAG_SQL));
                if (lag > maxLagSeconds) {
                    return node.node() + ": replication lag " + lag + " s > --max-lag " + maxLagSeconds;
                }
            }
        }
        return null;
    }
}
