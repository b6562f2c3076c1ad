package io.ace.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sessions kept active on one node until closed (see {@link LocalCluster#busySessions}). */
public final class BusySessions implements AutoCloseable {

    private static final String MARK = "ace-test-busy";

    private final LocalCluster cluster;
    private final String node;
    private final List<CompletableFuture<Void>> sleepers = new ArrayList<>();

    BusySessions(LocalCluster cluster, String node, int count) {
        this.cluster = cluster;
        this.node = node;
        for (int i = 0; i < count; i++) {
            sleepers.add(CompletableFuture.runAsync(this::sleep));
        }
        await("busy sessions on " + node).atMost(Duration.ofSeconds(30))
                .until(() -> cluster.count(node, active()) >= count);
    }

    private void sleep() {
        try (Connection c = cluster.connect(node); Statement st = c.createStatement()) {
            st.execute("SET application_name = '" + MARK + "'");
            st.execute("SELECT pg_sleep(600)");
        } catch (SQLException e) {
            // canceled by close(): the expected way for a sleeper to end
        }
    }

    private static String active() {
        return "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + MARK + "' AND state = 'active'";
    }

    /** Ends the sessions and waits until the node no longer counts them. */
    @Override
    public void close() {
        cluster.sql("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = '" + MARK + "'", node);
        CompletableFuture.allOf(sleepers.toArray(CompletableFuture[]::new)).join();
        await("busy sessions on " + node + " to end").atMost(Duration.ofSeconds(30)).until(() -> cluster.count(node, active()) == 0);
    }
}
