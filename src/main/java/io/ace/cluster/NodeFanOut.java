package io.ace.cluster;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs one piece of work on every node at once: in production each node is its own machine. */
public final class NodeFanOut implements AutoCloseable {

    /** The work on one node (a snapshot, a pool, ...). */
    public interface NodeWork<N, T> {
        T run(N node) throws Exception;
    }

    /** What is read on one session of a node, named {@code node}. */
    public interface NodeRead<T> {
        T read(Connection session, String node) throws SQLException;
    }

    private final ExecutorService executor;

    public NodeFanOut(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "ace-node-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * {@code work} on each node of a run at once, on threads of its own, results by node name in the
     * run's order; the first failure (in that order) is rethrown, naming its node.
     */
    public static <T> Map<String, T> onEachNode(ClusterSessions sessions, NodeWork<NodePool, T> work) throws Exception {
        try (NodeFanOut fanOut = new NodeFanOut(sessions.pools().size())) {
            return fanOut.onEach(sessions.pools(), NodePool::name, work);
        }
    }

    /**
     * {@link #onEachNode} for work whose failures are unchecked: its {@link AceException}s, which name the
     * node and the fix, pass unchanged.
     */
    public static <T> Map<String, T> onEveryNode(ClusterSessions sessions, NodeWork<NodePool, T> work) {
        try (NodeFanOut fanOut = new NodeFanOut(sessions.pools().size())) {
            return fanOut.onEvery(sessions.pools(), NodePool::name, work);
        }
    }

    /**
     * {@code read} on a session of each node at once, results by node name in the run's order. A node
     * whose catalogs cannot be read is a configuration error (exit 78), {@code failure} of its name
     * saying what could not be read; the first such node, in that order, is the one reported.
     */
    public static <T> Map<String, T> readEveryNode(ClusterSessions sessions, Function<String, String> failure, NodeRead<T> read) {
        return onEveryNode(sessions, pool -> {
            try (Connection c = pool.open()) {
                return read.read(c, pool.name());
            } catch (SQLException e) {
                throw new AceException(ExitCode.CONFIG, failure.apply(pool.name()), e.getMessage(), e);
            }
        });
    }

    /**
     * Results by node name ({@code name} of each node), in the order of {@code nodes}; the first
     * failure is rethrown, naming its node.
     */
    public <N, T> Map<String, T> onEach(List<N> nodes, Function<N, String> name, NodeWork<N, T> work) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (N node : nodes) {
            futures.add(executor.submit(() -> work.run(node)));
        }
        Map<String, T> results = new LinkedHashMap<>();
        Exception failure = null;
        for (int i = 0; i < nodes.size(); i++) {
            try {
                results.put(name.apply(nodes.get(i)), futures.get(i).get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
                    failure = withNode(name.apply(nodes.get(i)), failure);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /**
     * {@link #onEach} for work whose failures are unchecked: its {@link AceException}s, which name the
     * node and the fix, pass unchanged; a wait that is interrupted keeps the thread's interrupt.
     */
    public <N, T> Map<String, T> onEvery(List<N> nodes, Function<N, String> name, NodeWork<N, T> work) {
        try {
            return onEach(nodes, name, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Exception withNode(String node, Exception e) {
        if (e instanceof AceException) {
            return e;
        }
        return new NodeQueryException(node, e);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
