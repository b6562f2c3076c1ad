package io.ace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of one process share one session budget per node: many launches at once against nodes
 * that accept few connections all complete, and never hold more sessions than the budget.
 */
class SessionBudgetTest {

    private static final int LAUNCHES = 8;
    private static final int BUDGET = 3;

    @Test
    void concurrentLaunchesStayWithinTheBudgetAndAllComplete(@TempDir Path home) throws Exception {
        LocalCluster cluster = LocalCluster.fewConnections();
        cluster.sql("DROP TABLE IF EXISTS public.budget; CREATE TABLE public.budget (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.budget SELECT g, md5(g::text) FROM generate_series(1, 100000) g; ANALYZE public.budget");
        cluster.sql("UPDATE public.budget SET v = 'x' WHERE id IN (10, 50000, 99999)", "n2");
        AtomicLong peak = new AtomicLong();
        AtomicBoolean watching = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(LAUNCHES + 1);
        try (Ace ace = new Ace(cluster.serviceFile(), home, "ace.node.max-connections=" + BUDGET)) {
            // how many sessions the runs hold to n1, sampled while they run (the server may still list a
            // session closed a moment ago, so the process's own count is the one held to the budget)
            SessionBudget budget = ace.context().getBean(SessionBudget.class);
            String n1 = "127.0.0.1:" + cluster.port("n1");
            CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
                while (watching.get()) {
                    peak.accumulateAndGet(budget.inUse(n1), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            }, threads);
            List<CompletableFuture<Ace.Result>> runs = new ArrayList<>();
            for (int i = 0; i < LAUNCHES; i++) {
                String key = "budget-" + i;
                runs.add(CompletableFuture.supplyAsync(() -> ace.run("table-diff", "local", "public.budget", "--block-size", "1000",
                        "--concurrency-factor", "4", "--run-key", key), threads));
            }
            java.util.Set<Path> diffFiles = new HashSet<>();
            for (CompletableFuture<Ace.Result> run : runs) {
                Ace.Result r = run.get(300, TimeUnit.SECONDS);
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
                assertThat(r.err()).doesNotContain("too many clients");
                assertThat(r.diff().get("summary").get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(3);
                diffFiles.add(r.diffFile());
            }
            assertThat(diffFiles).hasSize(LAUNCHES);
            watching.set(false);
            watcher.get(30, TimeUnit.SECONDS);
            assertThat(peak.get()).as("sessions held to n1 at most").isBetween(1L, (long) BUDGET);
            assertThat(budget.openSessions()).isZero();
        } finally {
            watching.set(false);
            threads.shutdownNow();
        }
    }

    @Test
    void aFullBudgetWaitsThenNamesTheNode() throws Exception {
        LocalCluster cluster = LocalCluster.fewConnections();
        NodeDefinition n1 = n1(cluster);
        SessionBudget budget = new SessionBudget(1, Duration.ofMillis(300));
        try (NodePool pool = new NodePool(n1, budget); Connection held = pool.open()) {
            assertThat(held.isValid(5)).isTrue();
            AceException e = catchThrowableOfType(AceException.class, pool::open);
            assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(e.getMessage()).startsWith("node n1 (127.0.0.1:" + cluster.port("n1") + "): no session free within 0 s")
                    .contains("budget of 1 sessions").contains("ace.node.max-connections");
            held.close();
            // the place is back: the next session opens at once
            try (Connection next = pool.open()) {
                assertThat(next.isValid(5)).isTrue();
            }
        }
        assertThat(budget.openSessions()).isZero();
    }

    @Test
    void aRunReusesItsSessionResetUnlessAnotherRunWaits() throws Exception {
        LocalCluster cluster = LocalCluster.fewConnections();
        NodeDefinition n1 = n1(cluster);
        SessionBudget budget = new SessionBudget(1, Duration.ofSeconds(30));
        try (NodePool run = new NodePool(n1, budget)) {
            int pid;
            try (Connection c = run.open(); Statement st = c.createStatement()) {
                pid = single(st, "SELECT pg_backend_pid()");
                c.setAutoCommit(false);
                st.execute("CREATE TEMP TABLE left_behind (i int)");
                st.execute("SET statement_timeout = 1234");
                st.execute("SELECT pg_advisory_lock(42)");
            }
            // kept for the run, as a new one would be: its backend, nothing its last user left, ACE's settings
            assertThat(budget.inUse(n1.server())).isEqualTo(1);
            try (Connection c = run.open(); Statement st = c.createStatement()) {
                assertThat(single(st, "SELECT pg_backend_pid()")).isEqualTo(pid);
                assertThat(c.getAutoCommit()).isTrue();
                assertThat(single(st, "SELECT count(*) FROM pg_catalog.pg_class WHERE relname = 'left_behind'")).isZero();
                assertThat(single(st, "SELECT count(*) FROM pg_catalog.pg_locks WHERE locktype = 'advisory'")).isZero();
                try (ResultSet rs = st.executeQuery("SELECT current_setting('TimeZone'), current_setting('search_path'),"
                        + " current_setting('application_name'), current_setting('statement_timeout') <> '1234ms'")) {
                    rs.next();
                    assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).containsExactly("UTC", "\"\"", "ace", "t");
                }
                // another run waits for the node's only place: the session ends rather than wait idle for this run
                try (NodePool other = new NodePool(n1, budget)) {
                    CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                        try (Connection o = other.open(); Statement os = o.createStatement()) {
                            return single(os, "SELECT pg_backend_pid()");
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    await().atMost(Duration.ofSeconds(10)).until(() -> budget.wanted(n1));
                    c.close();
                    assertThat(waiting.get(30, TimeUnit.SECONDS)).isNotEqualTo(pid);
                }
            }
        }
        assertThat(budget.openSessions()).isZero();
    }

    @Test
    void aSessionKeptIdleByOneRunIsEndedForAnotherThatNeedsItsPlace() throws Exception {
        LocalCluster cluster = LocalCluster.fewConnections();
        NodeDefinition n1 = n1(cluster);
        // no wait at all: a place is free at once, or the open fails
        SessionBudget budget = new SessionBudget(1, Duration.ZERO);
        try (NodePool first = new NodePool(n1, budget); NodePool second = new NodePool(n1, budget)) {
            int kept;
            try (Connection c = first.open(); Statement st = c.createStatement()) {
                kept = single(st, "SELECT pg_backend_pid()");
            }
            assertThat(budget.inUse(n1.server())).isEqualTo(1);
            try (Connection c = second.open(); Statement st = c.createStatement()) {
                assertThat(single(st, "SELECT pg_backend_pid()")).isNotEqualTo(kept);
                // the first run's idle session was ended for it; the first run now waits like anyone else
                assertThat(catchThrowableOfType(AceException.class, first::open).exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            }
        }
        assertThat(budget.openSessions()).isZero();
    }

    private static NodeDefinition n1(LocalCluster cluster) {
        return new NodeDefinition("n1", Map.of("host", "127.0.0.1", "port", Integer.toString(cluster.port("n1")),
                "dbname", "acedb", "user", "ace", "sslmode", "disable"), LocalCluster.PASSWORD);
    }

    private static int single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
