package io.ace.diff;

import io.ace.replication.NodeHealth;
import java.sql.SQLException;
import java.util.List;

/**
 * Courtesy to production nodes: a partition's hashing waits while any node runs more than
 * {@code maxLoad} active application sessions, or its subscribers lag by more than
 * {@code maxLagSeconds}. Zero turns a limit off. The caller waits (see
 * {@link PartitionScan#pauseReason}), so that it can commit and see a stop while it does.
 */
public final class Throttle {

    private static final String ACTIVE = "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE state = 'active'"
            + " AND backend_type = 'client backend' AND application_name <> 'ace'";

    private final int maxLoad;
    private final int maxLagSeconds;

    public Throttle(int maxLoad, int maxLagSeconds) {
        this.maxLoad = maxLoad;
        this.maxLagSeconds = maxLagSeconds;
    }

    /** Whether either limit is on. */
    boolean active() {
        return maxLoad > 0 || maxLagSeconds > 0;
    }

    /**
     * Asked through the partition's own sessions, so that a paused partition takes no more of a
     * node's session budget than it holds.
     */
    String overLimit(List<NodeSnapshot> sessions) throws SQLException {
        for (NodeSnapshot node : sessions) {
            if (maxLoad > 0) {
                long active = (long) Math.ceil(node.currentStatistic(ACTIVE));
                if (active > maxLoad) {
                    return node.node() + " has " + active + " active sessions (limit --max-load " + maxLoad + ")";
                }
            }
            if (maxLagSeconds > 0) {
                long lag = (long) Math.ceil(node.currentStatistic(NodeHealth.LAG_SQL));
                if (lag > maxLagSeconds) {
                    return node.node() + "'s subscribers lag " + lag + " s behind (limit --max-lag " + maxLagSeconds + ")";
                }
            }
        }
        return null;
    }
}
