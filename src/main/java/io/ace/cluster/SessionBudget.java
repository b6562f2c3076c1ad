package io.ace.cluster;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every session this process opens to a node for its runs, counted against one budget per node
 * server (host and port), however many runs go on at once: a session beyond the budget waits,
 * for a bounded time, for one to end instead of taking one more of the node's
 * {@code max_connections}. A run keeps a session it is done with for its next statement only while
 * nobody waits for the node's budget ({@link NodePool}), so another run never waits on an idle
 * session. Because it knows every open session, it is also what stops the nodes' work when the
 * process is told to stop: {@link #cancelAndRefuse()}.
 */
public final class SessionBudget {

    private static final Logger LOG = LoggerFactory.getLogger(SessionBudget.class);

    private final int sessionsPerNode;
    private final Duration wait;
    private final Map<String, Semaphore> budgets = new ConcurrentHashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;

    public SessionBudget(int sessionsPerNode, Duration wait) {
        if (sessionsPerNode < 1) {
            throw AceException.config("ace.node.max-connections must be at least 1, got " + sessionsPerNode);
        }
        if (wait.isNegative()) {
            throw AceException.config("ace.node.connection-wait must not be negative, got " + wait);
        }
        this.sessionsPerNode = sessionsPerNode;
        this.wait = wait;
    }

    public int sessionsPerNode() {
        return sessionsPerNode;
    }

    /**
     * A physical session with {@link SessionSettings} applied, once the node's budget has room; an
     * {@link AceException} naming the node when it cannot be had (exit 75 when the budget stays
     * full or the node is unreachable, 78 when it refuses the login). It holds its place in the
     * budget until {@link #end} is called with it.
     */
    Connection connect(NodeDefinition node) {
        if (refusing) {
            throw new AceException(ExitCode.STOPPED, "ACE is stopping: no new session to node " + node.name());
        }
        Semaphore budget = budget(node);
        try {
            if (!budget.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AceException(ExitCode.UNREACHABLE, "node " + node.name() + " (" + node.server() + "): no session free within "
                        + wait.toSeconds() + " s; this process already holds its budget of " + sessionsPerNode
                        + " sessions to it (ace.node.max-connections). Retry later, or raise the budget if the node's max_connections allows");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AceException(ExitCode.STOPPED, "interrupted while waiting for a session to node " + node.name());
        }
        Connection physical = null;
        try {
            physical = NodePool.connect(node);
            try (Statement st = physical.createStatement()) {
                st.execute(SessionSettings.INIT_SQL);
            }
        } catch (RuntimeException | SQLException e) {
            closeQuietly(physical);
            budget.release();
            throw e instanceof AceException ace ? ace : NodeConnectionException.of(node, e);
        }
        open.add(physical);
        if (refusing) {
            // stopping began while this one was being opened: it must not start work either
            end(node, physical);
            throw new AceException(ExitCode.STOPPED, "ACE is stopping: no new session to node " + node.name());
        }
        return physical;
    }

    /** Closes a session {@link #connect} opened and gives its place in the budget back. */
    void end(NodeDefinition node, Connection physical) {
        open.remove(physical);
        try {
            closeQuietly(physical);
        } finally {
            budget(node).release();
        }
    }

    /**
     * Whether a session of this node's that its run no longer uses should end rather than wait for
     * the run's next statement: someone else waits for the node's budget, or the process is stopping.
     */
    boolean wanted(NodeDefinition node) {
        return refusing || budget(node).hasQueuedThreads();
    }

    private Semaphore budget(NodeDefinition node) {
        return budgets.computeIfAbsent(node.server(), k -> new Semaphore(sessionsPerNode, true));
    }

    /**
     * The process is stopping: every statement a session is running is cancelled on its node (a
     * statement does not end when its client goes away, it runs to its end) and no new session is
     * opened. The runs fail at once, restartable with their run keys.
     */
    public void cancelAndRefuse() {
        refusing = true;
        for (Connection c : open) {
            try {
                c.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                LOG.debug("cancelling a statement failed: {}", e.getMessage());
            }
        }
    }

    /** Sessions open now, on all nodes. */
    public int openSessions() {
        return open.size();
    }

    /** Places of a server's budget taken now (sessions open or being opened). */
    public int inUse(String server) {
        Semaphore budget = budgets.get(server);
        return budget == null ? 0 : sessionsPerNode - budget.availablePermits();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken; the budget is returned by the caller
            }
        }
    }
}
