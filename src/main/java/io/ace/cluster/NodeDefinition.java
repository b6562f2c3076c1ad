package io.ace.cluster;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of a cluster as the service file describes it. The password is kept apart from the
 * other settings so that {@link #connectionString()} and {@link #toString()} can never leak it.
 */
public record NodeDefinition(String name, Map<String, String> settings, String password) {

    /** Not a libpq setting: where the node is, for distributed runs. */
    static final String REGION = "region";
    /** Not a libpq setting: how long any statement of ACE may run on the node. */
    static final String STATEMENT_TIMEOUT = "statement_timeout";
    /** Not a libpq setting: how long the check of a table filter may run on the node. */
    static final String FILTER_CHECK_TIMEOUT = "filter_check_timeout";

    /** Long enough for a hashing statement over a large block on a busy node. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(30);
    /** A filter is checked on an empty table: only constants folded while checking can take time. */
    public static final Duration DEFAULT_FILTER_CHECK_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})\\s*(ms|s|min|h)");
    /** PostgreSQL's largest statement_timeout (an int of milliseconds). */
    private static final Duration LONGEST = Duration.ofMillis(Integer.MAX_VALUE);

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

    /**
     * How long any statement ACE runs on the node may take ({@code statement_timeout=30min} in its
     * section or the cluster's), so that no statement, whatever it computes, runs on unbounded.
     */
    public Duration statementTimeout() {
        return duration(STATEMENT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT, null);
    }

    /** How long checking a table filter may take on the node ({@code filter_check_timeout=5s}). */
    public Duration filterCheckTimeout() {
        return duration(FILTER_CHECK_TIMEOUT, DEFAULT_FILTER_CHECK_TIMEOUT, null);
    }

    /** Configuration errors (exit 78) naming the file and the node, before any session is opened. */
    void checkSettings(Path source) {
        checkPort(source);
        duration(STATEMENT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT, source);
        duration(FILTER_CHECK_TIMEOUT, DEFAULT_FILTER_CHECK_TIMEOUT, source);
    }

    private Duration duration(String key, Duration otherwise, Path source) {
        String text = settings.get(key);
        if (text == null) {
            return otherwise;
        }
        Matcher m = DURATION.matcher(text.strip());
        Duration value = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            value = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "min" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        if (value == null || value.isZero() || value.compareTo(LONGEST) > 0) {
            throw new AceException(ExitCode.CONFIG, (source == null ? "" : source + ": ") + "node " + name + ": " + key
                    + " must be a duration such as 30min, 90s or 500ms, greater than 0 and at most 24 days", "'" + text + "'", null);
        }
        return value;
    }

    /** A configuration error (exit 78) naming the node, and the file it is defined in when known, if its port is not one. */
    private void checkPort(Path source) {
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

    /** libpq-style connection string for reports and logs: every setting except the password (and ACE's own settings). */
    public String connectionString() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(settings).forEach((k, v) -> {
            if (!ServiceFileKeys.OWN.contains(k)) {
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
