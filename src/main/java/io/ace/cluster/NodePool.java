package io.ace.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's sessions to one node, drawn from the process's {@link SessionBudget}; every session
 * carries {@link SessionSettings}. Closing it closes any session its run left open.
 */
public final class NodePool implements AutoCloseable {

    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

    private final NodeDefinition node;
    private final SessionBudget budget;
    private final Set<Connection> sessions = ConcurrentHashMap.newKeySet();

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
        p.setProperty("assumeMinServerVersion", "10");
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
     * Ends a session opened by {@link #open()}: what its transaction left is rolled back, then it
     * is closed. Failures are ignored: a broken session is dropped, and closing it returns its
     * place in the budget all the same.
     */
    public static void closeRolledBack(Connection session) {
        try {
            session.rollback();
        } catch (SQLException ignored) {
            // nothing it did outlives the transaction
        }
        try {
            session.close();
        } catch (SQLException ignored) {
            // a broken session is dropped all the same
        }
    }

    /**
     * A session, once the node's budget has room, or an {@link io.ace.exit.AceException} naming the node
     * (exit 75 unreachable or budget full, 78 refused).
     */
    public Connection open() {
        return budget.open(node, sessions);
    }

    @Override
    public void close() {
        for (Connection c : sessions) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // broken already; closing it returns its place in the budget all the same
            }
        }
        sessions.clear();
    }
}
