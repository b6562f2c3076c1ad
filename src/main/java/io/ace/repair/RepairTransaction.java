package io.ace.repair;

import io.ace.cluster.NodeConnectionException;
import io.ace.cluster.NodePool;
import io.ace.cluster.StatementGroup;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The transaction a repair writes one node in, whatever it repairs (rows by key, or a multiset's
 * copies): the session keeps its writes from replicating onward, user triggers stay quiet unless
 * asked for, and the work commits whole, or with a dry run or a failure rolls back whole.
 */
final class RepairTransaction {

    /** The repair's work in the transaction, which the caller then commits (or rolls back). */
    interface Work {
        RepairOutcome run(Connection c, ReplicationGuard guard) throws Exception;
    }

    /** What a session does after its transaction, before it goes back to its pool. */
    interface Cleanup {
        void after(Connection c);
    }

    private RepairTransaction() {
    }

    /**
     * Runs {@code work} on the node in one transaction: committed when it returns, rolled back with
     * a dry run or when it fails; {@code cleanup} (null for none) runs after either. A lost
     * connection is the node's, named.
     */
    static RepairOutcome run(NodePool pool, RepairOptions options, Work work, Cleanup cleanup) throws Exception {
        try (Connection c = pool.open()) {
            ReplicationGuard guard = options.dryRun() ? null : ReplicationGuard.setUp(c);
            try {
                c.setAutoCommit(false);
                begin(c, options, guard);
                RepairOutcome outcome = work.run(c, guard);
                if (options.dryRun()) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return outcome;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                if (cleanup != null) {
                    cleanup.after(c);
                }
                c.setAutoCommit(true);
                if (guard != null) {
                    guard.tearDown(c);
                }
            }
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) || "08006".equals(e.getSQLState())) {
                throw NodeConnectionException.of(pool.node(), e);
            }
            throw e;
        }
    }

    /** What each of a repair's transactions sets first. */
    static void begin(Connection c, RepairOptions options, ReplicationGuard guard) throws SQLException {
        List<String> settings = new ArrayList<>();
        if (!options.fireTriggers() && !options.dryRun()) {
            // user triggers (and foreign-key checks) stay quiet: the rows come from a node where they already ran
            settings.add("SET LOCAL session_replication_role = replica");
        }
        // the planning joins and sorts as many rows as the diff file holds for this node
        settings.add("SET LOCAL work_mem = '64MB'");
        StatementGroup.execute(c, settings);
        if (guard != null) {
            guard.begin(c);
        }
    }
}
