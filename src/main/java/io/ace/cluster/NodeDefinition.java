package io.ace.cluster;

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

    public int port() {
        String port = settings.getOrDefault("port", "5432");
        try {
            return Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + port + "' of node " + name + " is not a number");
        }
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
