package io.ace.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** A small connection pool to one node; every connection carries {@link SessionSettings}. */
public final class NodePool implements AutoCloseable {

    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

    private final NodeDefinition node;
    private final HikariDataSource dataSource;

    public NodePool(NodeDefinition node, int maxConnections) {
        this.node = node;
        HikariConfig config = new HikariConfig();
        config.setPoolName("ace-" + node.name());
        config.setJdbcUrl("jdbc:postgresql://" + hostForUrl(node.host()) + ":" + node.port() + "/" + node.dbname());
        config.setUsername(node.user());
        if (node.password() != null) {
            config.setPassword(node.password());
        }
        for (String key : new String[] {"sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword"}) {
            String v = node.setting(key);
            if (v != null) {
                config.addDataSourceProperty(key, v);
            }
        }
        if (node.setting("sslmode") == null) {
            // libpq's default is 'prefer'; pgjdbc's is too, but say so explicitly
            config.addDataSourceProperty("sslmode", "prefer");
        }
        config.addDataSourceProperty("ApplicationName", SessionSettings.APPLICATION_NAME);
        config.addDataSourceProperty("connectTimeout", Integer.toString(DEFAULT_CONNECT_TIMEOUT_SECONDS));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.setConnectionInitSql(SessionSettings.INIT_SQL);
        config.setMaximumPoolSize(Math.max(1, maxConnections));
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        config.setConnectionTimeout(1000L * (DEFAULT_CONNECT_TIMEOUT_SECONDS + 5));
        // fail on first use, not at construction: the caller names the node in the error
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
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

    /** A session, or an {@link io.ace.AceException} naming the node (exit 75 unreachable, 78 refused). */
    public Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw NodeConnectionException.of(node, e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
