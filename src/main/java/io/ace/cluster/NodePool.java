package io.ace.cluster;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run's sessions to one node, drawn from the process's {@link SessionBudget}; every session
 * carries {@link SessionSettings}. A session its user closes is reset and kept for the run's next
 * one ({@link SessionBudget#keep}), unless someone waits for the node's budget: a node's backend
 * that has already read the table hashes the next block measurably faster than a new one (the
 * pages of shared memory it touched stay mapped in it). Closing the pool closes every session of
 * the run.
 */
public final class NodePool implements AutoCloseable {

    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

    /** Kept this long without use, a session is checked before it is handed out again. */
    private static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * What a session's user may have left beyond its transaction: cursors, listens, advisory locks,
     * temporary tables, settings (back to the login's, then ACE's). Not DISCARD ALL: it would also
     * drop the session's prepared statements, which the driver reuses.
     */
    private static final String RESET_SQL = "CLOSE ALL; UNLISTEN *; SELECT pg_catalog.pg_advisory_unlock_all(); DISCARD TEMP; RESET ALL; "
            + SessionSettings.INIT_SQL;

    private final NodeDefinition node;
    private final SessionBudget budget;
    private final Set<Connection> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public NodePool(NodeDefinition node, SessionBudget budget) {
        this.node = node;
        this.budget = budget;
    }

    private static Properties connectionProperties(NodeDefinition node) {
        Properties p = new Properties();
        p.setProperty("user", node.user());
        if (node.password() != null) {
            p.setProperty("password", node.password());
        }
        for (String key : new String[] {"sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword"}) {
            String v = node.setting(key);
            if (v != null) {
                p.setProperty(key, v);
            }
        }
        // libpq's default; pgjdbc's too, said explicitly
        p.putIfAbsent("sslmode", "prefer");
        p.setProperty("ApplicationName", SessionSettings.APPLICATION_NAME);
        // sent at login (not SET after it) on a server this recent, so that RESET ALL keeps it
        p.setProperty("assumeMinServerVersion", "10");
        p.setProperty("connectTimeout", Integer.toString(DEFAULT_CONNECT_TIMEOUT_SECONDS));
        p.setProperty("tcpKeepAlive", "true");
        // set as the session starts, so that no statement of any session runs before it applies
        p.setProperty("options", "-c statement_timeout=" + node.statementTimeout().toMillis());
        return p;
    }

    private static String url(NodeDefinition node) {
        return "jdbc:postgresql://" + hostForUrl(node.host()) + ":" + node.port() + "/" + node.dbname();
    }

    /**
     * One session outside any run, for a single question (is the node up, how far behind are its
     * subscribers); an {@link io.ace.exit.AceException} naming the node when it cannot be opened.
     */
    public static Connection connect(NodeDefinition node) {
        try {
            return DriverManager.getConnection(url(node), connectionProperties(node));
        } catch (SQLException e) {
            throw NodeConnectionException.of(node, e);
        }
    }

    /**
     * A session in logical replication mode (it streams a slot's changes and runs SQL), with the
     * settings of every other session, so values it decodes print as ACE's queries print them.
     */
    public static Connection connectForReplication(NodeDefinition node) {
        Properties p = connectionProperties(node);
        p.setProperty("replication", "database");
        // the replication protocol takes no prepared statements
        p.setProperty("preferQueryMode", "simple");
        // streaming a slot is one command that lasts as long as the listener: a statement timeout would end it
        p.remove("options");
        Connection c = null;
        try {
            c = DriverManager.getConnection(url(node), p);
            try (Statement st = c.createStatement()) {
                st.execute(SessionSettings.INIT_SQL);
            }
            return c;
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the failure being reported matters, not this one
                }
            }
            throw NodeConnectionException.of(node, e);
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public NodeDefinition node() {
        return node;
    }

    public String name() {
        return node.name();
    }

    /**
     * Ends a session opened by {@link #open()}: what its transaction left is rolled back (as it is
     * reset for the run's next user, or by the server as it ends), and it is closed. Failures are
     * ignored: a broken session is dropped, and closing it returns its place in the budget all the
     * same.
     */
    public static void closeRolledBack(Connection session) {
        try {
            session.close();
        } catch (SQLException ignored) {
            // a broken session is dropped all the same
        }
    }

    /**
     * A session, the run's idle one when it has one, else a new one once the node's budget has
     * room, or an {@link io.ace.exit.AceException} naming the node (exit 75 unreachable or budget
     * full, 78 refused).
     */
    public Connection open() {
        SessionBudget.Idle kept;
        while ((kept = budget.reuse(node, this)) != null) {
            if (System.nanoTime() - kept.since() < CHECK_AFTER_IDLE_NANOS || valid(kept.physical())) {
                return session(kept.physical());
            }
            budget.end(node, kept.physical());
        }
        return session(budget.connect(node));
    }

    private static boolean valid(Connection physical) {
        try {
            return physical.isValid(DEFAULT_CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The physical session, seen through a proxy whose {@code close()} keeps it for the run or ends it, once. */
    private Connection session(Connection physical) {
        AtomicBoolean done = new AtomicBoolean();
        Connection[] self = new Connection[1];
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                if (done.compareAndSet(false, true)) {
                    sessions.remove(self[0]);
                    release(physical);
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
        sessions.add(self[0]);
        return self[0];
    }

    private void release(Connection physical) {
        if (closed || budget.wanted(node) || !reset(physical)) {
            budget.end(node, physical);
            return;
        }
        budget.keep(node, this, physical);
        if (closed) {
            // the pool closed while this one was being kept
            budget.endKept(this);
        }
    }

    /**
     * The session as a new one would be: no transaction, nothing its last user left, ACE's settings;
     * a transaction still open is rolled back in the same round trip.
     */
    private static boolean reset(Connection physical) {
        try {
            if (physical.isClosed()) {
                return false;
            }
            boolean transaction = !physical.getAutoCommit();
            StatementGroup.execute(physical, transaction ? List.of("ROLLBACK", RESET_SQL) : List.of(RESET_SQL));
            if (transaction) {
                // the transaction has ended: the driver sends nothing more
                physical.setAutoCommit(true);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c : sessions) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // broken already; closing it returns its place in the budget all the same
            }
        }
        sessions.clear();
        budget.endKept(this);
    }
}
