package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anyone may ask {@code /actuator/health}; a burst of anonymous requests still opens only a node session or so, not one each. */
@OnCluster
class HealthBurstTest {

    private static final int REQUESTS = 50;

    @Test
    void aBurstOfAnonymousHealthRequestsOpensABoundedNumberOfNodeSessions(LocalCluster cluster, @TempDir Path home) throws Exception {
        try (Serve serve = new Serve(cluster.serviceFile(), home); Connection n1 = cluster.connect("n1")) {
            long before = sessionsEver(n1);
            CountDownLatch ready = new CountDownLatch(REQUESTS);
            ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
            try {
                List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, REQUESTS)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                            ready.countDown();
                            try {
                                ready.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return serve.send("GET", "/actuator/health", null, null);
                        }, threads)).toList();
                assertThat(answers.stream().map(CompletableFuture::join).toList()).allSatisfy(a -> {
                    assertThat(a.statusCode()).isEqualTo(200);
                    assertThat(a.body()).contains("\"UP\"").doesNotContain("n1");
                });
            } finally {
                threads.shutdown();
            }
            // a session is counted when it ends: wait until none of ACE's is left on the node
            await("ACE's sessions on n1 to end").atMost(Duration.ofSeconds(30))
                    .until(() -> count(n1, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ace'") == 0);
            long opened = sessionsEver(n1) - before;
            assertThat(opened).as("node sessions opened for " + REQUESTS + " health requests").isBetween(0L, 2L);
        }
    }

    /** Sessions ever opened to the node's database (PostgreSQL's own counter). */
    private static long sessionsEver(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_clear_snapshot()");
        }
        return count(c, "SELECT sessions FROM pg_stat_database WHERE datname = current_database()");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
