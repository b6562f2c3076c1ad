package io.ace.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import java.sql.SQLException;

/** A small connection pool to one node; every connection carries {@link SessionSettings}. */
public final class NodePool implements AutoCloseable {

    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

    private final NodeDefinition node;
    private final HikariDataSource dataSource;
    private volatile boolean probed;

    public NodePool(NodeDefinition node, int maxConnections) {
        this.node = node;
        HikariConfig config = new HikariConfig();
        config.setPoolName("ace-" + node.name());
        config.setJdbcUrl(url(node));
        config.setDataSourceProperties(connectionProperties(node));
        config.setConnectionInitSql(SessionSettings.INIT_SQL);
        config.setMaximumPoolSize(Math.max(1, maxConnections));
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        config.setConnectionTimeout(1000L * (DEFAULT_CONNECT_TIMEOUT_SECONDS + 5));
        // fail on first use, not at construction: the caller names the node in the error
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
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
        return p;
    }

    private static String url(NodeDefinition node) {
        return "jdbc:postgresql://" + hostForUrl(node.host()) + ":" + node.port() + "/" + node.dbname();
    }

    /**
     * One session outside any pool, for a single question (is the node up, how far behind are its
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

    /** A session, or an {@link io.ace.exit.AceException} naming the node (exit 75 unreachable, 78 refused). */
    public Connection open() {
        try {
            if (!probed) {
                probe();
            }
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw NodeConnectionException.of(node, e);
        }
    }

    /**
     * One direct connection before the pool's first: the pool retries a refused login until its
     * timeout, a direct attempt reports the server's answer at once.
     */
    private synchronized void probe() throws SQLException {
        if (!probed) {
            try (Connection c = connect(node)) {
                probed = true;
            }
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
