package io.ace.cluster;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node of a cluster as the service file describes it. The password is kept apart from the
 * other settings so that {@link #connectionString()} and {@link #toString()} can never leak it.
 */
public record NodeDefinition(String name, Map<String, String> settings, String password) {

    /** Not a libpq setting: where the node is, for distributed runs. */
    private static final String REGION = "region";

    public NodeDefinition {
        settings = Map.copyOf(settings);
    }

    public String host() {
        return settings.getOrDefault("host", "localhost");
    }

    /** The port, or a configuration error (exit 78) naming the node when it is not one. */
    public int port() {
        checkPort(null);
        return Integer.parseInt(portText());
    }

    /** A configuration error (exit 78) naming the node, and the file it is defined in when known, if its port is not one. */
    void checkPort(Path source) {
        String port = portText();
        int value = port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : -1;
        if (value < 1 || value > 65535) {
            // the value is the file's content: a detail, which web callers who are not administrators do not see
            throw new AceException(ExitCode.CONFIG, (source == null ? "" : source + ": ") + "node " + name
                    + ": its port is not a port number; it must be between 1 and 65535", "'" + port + "'", null);
        }
    }

    private String portText() {
        return settings.getOrDefault("port", "5432").trim();
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

    /**
     * Where the node is ({@code region=eu} in its section or the cluster's), or null: the work that
     * reads it goes to workers of that region.
     */
    public String region() {
        String region = settings.get(REGION);
        return region == null || region.isBlank() ? null : region.strip();
    }

    public String setting(String key) {
        return settings.get(key);
    }

    /** libpq-style connection string for reports and logs: every setting except the password (and ACE's own {@code region}). */
    public String connectionString() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(settings).forEach((k, v) -> {
            if (!k.equals(REGION)) {
                sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return name + " (" + connectionString() + ")";
    }
}
