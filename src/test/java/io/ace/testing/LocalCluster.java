package io.ace.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Real PostgreSQL nodes for tests, started by the project's own {@code scripts/local-cluster}
 * (so tests, demo and bench share one way of running servers). One cluster per configuration
 * per test JVM, destroyed when the JVM exits.
 */
public final class LocalCluster {

    public static final String PASSWORD = "ace-local-secret";

    /**
     * Moves every test port, so two test runs on one machine do not share servers ({@code ACE_TEST_PORT_OFFSET}).
     * The ports lie below Linux's ephemeral range (32768 and up): there, any outgoing connection of
     * the machine may hold a port as its local end, and a server started on it cannot bind.
     */
    private static final int PORT_OFFSET = Integer.parseInt(System.getenv().getOrDefault("ACE_TEST_PORT_OFFSET", "0"));

    private static final Map<String, LocalCluster> RUNNING = new ConcurrentHashMap<>();

    private final int nodes;
    private final int portBase;
    private final Path dir;
    private final Path serviceFile;

    private LocalCluster(int nodes, int portBase, String replication) {
        this.nodes = nodes;
        this.portBase = portBase;
        this.dir = Path.of(System.getProperty("java.io.tmpdir"), "ace-test-" + portBase);
        run("destroy", "--dir", dir.toString());
        List<String> args = new ArrayList<>(List.of("start", "--nodes", Integer.toString(nodes), "--port-base",
                Integer.toString(portBase), "--dir", dir.toString(), "--replication", replication));
        run(args.toArray(String[]::new));
        this.serviceFile = dir.resolve("pg_service.conf");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run("destroy", "--dir", dir.toString())));
    }

    /** A plain (unreplicated) cluster of four nodes n1..n4, shared by the tests of this JVM. */
    public static LocalCluster plain() {
        return RUNNING.computeIfAbsent("plain", k -> new LocalCluster(4, 28100 + PORT_OFFSET, "none"));
    }

    /** A three-node pglogical mesh, shared by the tests of this JVM. */
    public static LocalCluster pglogical() {
        return RUNNING.computeIfAbsent("pglogical", k -> new LocalCluster(3, 28200 + PORT_OFFSET, "pglogical"));
    }

    /** What {@link #fewConnections()} servers accept. */
    public static final int FEW_CONNECTIONS = 12;

    /**
     * A plain two-node cluster whose servers accept only {@link #FEW_CONNECTIONS} sessions each
     * (the local test nodes accept 200), shared by the tests of this JVM.
     */
    public static LocalCluster fewConnections() {
        return RUNNING.computeIfAbsent("few-connections", k -> {
            LocalCluster c = new LocalCluster(2, 28300 + PORT_OFFSET, "none");
            c.sql("ALTER SYSTEM SET max_connections = " + FEW_CONNECTIONS);
            run("stop", "--dir", c.dir.toString());
            run("start", "--nodes", "2", "--port-base", Integer.toString(c.portBase), "--dir", c.dir.toString(), "--replication", "none");
            return c;
        });
    }

    /**
     * A one-node server for PostgreSQL job repositories (each test makes a database of its own on
     * it, see {@link #newDatabase}), shared by the tests of this JVM.
     */
    public static LocalCluster repositoryServer() {
        return RUNNING.computeIfAbsent("repository", k -> new LocalCluster(1, 28600 + PORT_OFFSET, "none"));
    }

    /** A new, empty database on n1 (dropped first if it exists); answers its JDBC URL (user ace, {@link #PASSWORD}). */
    public String newDatabase(String name) {
        sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "n1");
        sql("CREATE DATABASE " + name, "n1");
        return "jdbc:postgresql://127.0.0.1:" + port("n1") + "/" + name;
    }

    public Path serviceFile() {
        return serviceFile;
    }

    public int port(String node) {
        return portBase + Integer.parseInt(node.substring(1)) - 1;
    }

    public List<String> nodeNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            names.add("n" + i);
        }
        return names;
    }

    public Connection connect(String node) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port(node) + "/acedb", "ace", PASSWORD);
    }

    /** Runs SQL on the given nodes (all when none given). */
    public void sql(String sql, String... onNodes) {
        for (String node : onNodes.length == 0 ? nodeNames().toArray(String[]::new) : onNodes) {
            try (Connection c = connect(node); Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("on " + node + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Runs SQL on one node in a session with a replication origin, which pglogical does not
     * forward (its subscriptions use forward_origins '{}'): divergence on purpose.
     */
    public void unreplicated(String node, String sql) {
        sql("SELECT pg_replication_origin_create('test_divergence') WHERE NOT EXISTS "
                + "(SELECT 1 FROM pg_replication_origin WHERE roname = 'test_divergence'); "
                + "SELECT pg_replication_origin_session_setup('test_divergence'); " + sql
                + "; SELECT pg_replication_origin_session_reset()", node);
    }

    public long count(String node, String sql) {
        try (Connection c = connect(node); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("on " + node + ": " + e.getMessage(), e);
        }
    }

    /**
     * Holds {@code count} application sessions active on a node ({@code pg_sleep}) until closed: a
     * run with {@code --max-load} below that count waits for them, so a test can act on a run
     * that is certainly still going.
     */
    public BusySessions busySessions(String node, int count) {
        return new BusySessions(this, node, count);
    }

    private static void run(String... args) {
        Path script = projectRoot().resolve("scripts/local-cluster");
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("local-cluster", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("scripts/local-cluster " + String.join(" ", args) + " failed:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/local-cluster"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the project root (scripts/local-cluster)");
        }
        return p;
    }
}
