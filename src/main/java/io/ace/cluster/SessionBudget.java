package io.ace.cluster;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every session this process opens to a node for its runs, counted against one budget per node
 * server (host and port), however many runs go on at once: a session beyond the budget waits,
 * for a bounded time, for one to end instead of taking one more of the node's
 * {@code max_connections}. A session is one connection, closed when its user is done with it,
 * so a budget is never held by idle connections. Because it knows every open session, it is also
 * what stops the nodes' work when the process is told to stop: {@link #cancelAndRefuse()}.
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
     * A session with {@link SessionSettings} applied, once the node's budget has room; an
     * {@link AceException} naming the node when it cannot be had (exit 75 when the budget stays
     * full or the node is unreachable, 78 when it refuses the login). The session belongs to
     * {@code holder} while it is open, so that its run can close what it left open.
     */
    public Connection open(NodeDefinition node, Set<Connection> holder) {
        if (refusing) {
            throw new AceException(ExitCode.STOPPED, "ACE is stopping: no new session to node " + node.name());
        }
        Semaphore budget = budgets.computeIfAbsent(node.server(), k -> new Semaphore(sessionsPerNode, true));
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
        Connection session = session(physical, budget, holder);
        if (refusing) {
            // stopping began while this one was being opened: it must not start work either
            closeQuietly(session);
            throw new AceException(ExitCode.STOPPED, "ACE is stopping: no new session to node " + node.name());
        }
        return session;
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

    /** The physical connection, seen through a proxy whose {@code close()} also returns its place in the budget, once. */
    private Connection session(Connection physical, Semaphore budget, Set<Connection> holder) {
        AtomicBoolean closed = new AtomicBoolean();
        Connection[] self = new Connection[1];
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                if (closed.compareAndSet(false, true)) {
                    open.remove(physical);
                    holder.remove(self[0]);
                    try {
                        physical.close();
                    } finally {
                        budget.release();
                    }
                }
                return null;
            }
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        self[0] = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        holder.add(self[0]);
        return self[0];
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
