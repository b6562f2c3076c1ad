package io.ace.replication;

import io.ace.exit.AceException;
import io.ace.cluster.NodeDefinition;
import io.ace.cluster.NodePool;
import io.ace.cluster.SessionBudget;
import io.ace.cluster.SessionSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a node answers and how far behind its subscribers are: what an operator glances at
 * before trusting a night's results.
 *
 * @param node       the node's name
 * @param reachable  whether a session could be opened
 * @param lagSeconds the largest lag of the node's replication subscribers, in seconds (0 without any)
 * @param problem    why the node is not reachable, or null
 */
public record NodeHealth(String node, boolean reachable, long lagSeconds, String problem) {

    /**
     * The largest write, flush or replay lag of the node's walsenders, ACE's own change capture
     * aside (it is no subscriber); shared with the hashing throttle.
     */
    public static final String LAG_SQL = "SELECT COALESCE(max(EXTRACT(epoch FROM GREATEST(write_lag, flush_lag, replay_lag))), 0)"
            + " FROM pg_catalog.pg_stat_replication WHERE application_name <> '" + SessionSettings.APPLICATION_NAME + "'";

    /** One session from the process's budget for the node (a full budget reads as not reachable, with why). */
    public static NodeHealth check(NodeDefinition node, SessionBudget budget) {
        try (NodePool pool = new NodePool(node, budget); Connection c = pool.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(LAG_SQL)) {
            rs.next();
            return new NodeHealth(node.name(), true, rs.getLong(1), null);
        } catch (AceException | SQLException e) {
            return new NodeHealth(node.name(), false, 0, e.getMessage());
        }
    }
}
