package io.ace.cluster;

import io.ace.AceException;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node of a cluster as the service file describes it. The password is kept apart from the
 * other settings so that {@link #connectionString()} and {@link #toString()} can never leak it.
 */
public record NodeDefinition(String name, Map<String, String> settings, String password) {

    public NodeDefinition {
        settings = Map.copyOf(settings);
    }

    public String host() {
        return settings.getOrDefault("host", "localhost");
    }

    /** The port, or a configuration error (exit 78) naming the node when it is not one. */
    public int port() {
        String port = settings.getOrDefault("port", "5432").trim();
        int value = port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : -1;
        if (value < 1 || value > 65535) {
            throw AceException.config("node " + name + ": port '" + port + "' is not a port number; it must be between 1 and 65535");
        }
        return value;
    }

    /** {@code host:port}: the server, whose connections one budget counts whatever database or user a node names. */
    public String server() {
        return host() + ":" + port();
    }

    public String dbname() {
        return settings.getOrDefault("dbname", user());
    }

    public String user() {
        return settings.getOrDefault("user", System.getProperty("user.name"));
    }

    public String setting(String key) {
        return settings.get(key);
    }

    /** libpq-style connection string for reports and logs: every setting except the password. */
    public String connectionString() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(settings).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    @Override
    public String toString() {
        return name + " (" + connectionString() + ")";
    }
}
