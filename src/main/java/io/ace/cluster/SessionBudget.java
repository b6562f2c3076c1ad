package io.ace.cluster;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every session this process opens to a node for its runs, counted against one budget per node
 * server (host and port), however many runs go on at once: a session beyond the budget waits,
 * for a bounded time, for one to end instead of taking one more of the node's
 * {@code max_connections}. A run keeps a session it is done with for its next statement
 * ({@link #keep}); such an idle session still holds its place, but whoever needs a place on that
 * server and finds none ends an idle session first, whichever run kept it, so an idle session
 * never makes anyone wait (nor two runs wait for each other). Because it knows every open session,
 * it is also what stops the nodes' work when the process is told to stop: {@link #cancelAndRefuse()}.
 */
public final class SessionBudget {

    private static final Logger LOG = LoggerFactory.getLogger(SessionBudget.class);

    /** How often a session waiting for a place looks for idle sessions to end. */
    private static final long IDLE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final int sessionsPerNode;
    private final Duration wait;
    private final Map<String, Semaphore> budgets = new ConcurrentHashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    /** Sessions kept by their runs between statements, per server, most recently kept first. */
    private final Map<String, Deque<Idle>> idle = new ConcurrentHashMap<>();
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
            if (!acquire(node, budget)) {
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

    /**
     * A place in the server's budget within the wait, ending idle sessions to make one. The wait is
     * taken in short slices, so that a session kept idle while this one waits is ended too.
     */
    private boolean acquire(NodeDefinition node, Semaphore budget) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            while (budget.availablePermits() == 0 && endOneIdle(node.server())) {
                // ended one: its place is back
            }
            long left = deadline - System.nanoTime();
            if (budget.tryAcquire(Math.max(0, Math.min(left, IDLE_CHECK_NANOS)), TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (left <= 0) {
                return false;
            }
        }
    }

    private boolean endOneIdle(String server) {
        Deque<Idle> kept = idle.get(server);
        Idle oldest = kept == null ? null : kept.pollLast();
        if (oldest == null) {
            return false;
        }
        end(oldest.node(), oldest.physical());
        return true;
    }

    /**
     * Keeps a session its run is done with for the run's next one ({@link #reuse}); it keeps its
     * place in the budget until the run takes it back, {@link #endKept} ends it, or someone who
     * needs a place ends it.
     */
    void keep(NodeDefinition node, Object run, Connection physical) {
        idle.computeIfAbsent(node.server(), k -> new ConcurrentLinkedDeque<>()).addFirst(new Idle(run, node, physical, System.nanoTime()));
    }

    /** A session {@code run} kept for this node, and how long ago it was kept (ns), or null. */
    Idle reuse(NodeDefinition node, Object run) {
        Deque<Idle> kept = idle.get(node.server());
        if (kept != null) {
            for (Idle i : kept) {
                if (i.run() == run && i.node().equals(node) && kept.remove(i)) {
                    return i;
                }
            }
        }
        return null;
    }

    /** Ends every session {@code run} kept. */
    void endKept(Object run) {
        for (Deque<Idle> kept : idle.values()) {
            for (Idle i : kept) {
                if (i.run() == run && kept.remove(i)) {
                    end(i.node(), i.physical());
                }
            }
        }
    }

    record Idle(Object run, NodeDefinition node, Connection physical, long since) {
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
     * the run's next statement: someone waits for the node's budget, or the process is stopping.
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
