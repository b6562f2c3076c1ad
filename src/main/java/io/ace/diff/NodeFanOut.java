package io.ace.diff;

import io.ace.exit.AceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs one piece of work on every node at once: in production each node is its own machine. */
final class NodeFanOut implements AutoCloseable {

    interface NodeWork<T> {
        T run(NodeSnapshot node) throws Exception;
    }

    private final ExecutorService executor;

    NodeFanOut(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "ace-node-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Results by node name, in the order of {@code nodes}; the first failure is rethrown. */
    <T> Map<String, T> onEach(List<NodeSnapshot> nodes, NodeWork<T> work) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (NodeSnapshot node : nodes) {
            futures.add(executor.submit(() -> work.run(node)));
        }
        Map<String, T> results = new LinkedHashMap<>();
        Exception failure = null;
        for (int i = 0; i < nodes.size(); i++) {
            try {
                results.put(nodes.get(i).node(), futures.get(i).get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
                    failure = withNode(nodes.get(i).node(), failure);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
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
