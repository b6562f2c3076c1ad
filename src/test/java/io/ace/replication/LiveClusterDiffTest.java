package io.ace.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A live three-node pglogical mesh: writers keep updating, inserting and deleting rows on every
 * node through ordinary replicated sessions while table-diff runs. Rows in flight must not be
 * reported; real divergence (written on one node only, not forwarded) must be, exactly.
 */
@OnCluster(OnCluster.Kind.PGLOGICAL)
class LiveClusterDiffTest {

    static final int ROWS = 200_000;
    /** Keys below this are never touched by the writers: the real divergences go there. */
    static final int QUIET_KEYS = 1_000;

    static LocalCluster mesh;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) throws Exception {
        mesh = localCluster;
        ace = classAce;
        mesh.sql("DROP TABLE IF EXISTS public.live; CREATE TABLE public.live (id int PRIMARY KEY, v text, n int NOT NULL);"
                + "SELECT pglogical.replication_set_add_table('default', 'public.live'::regclass, synchronize_data := false)");
        mesh.sql("INSERT INTO public.live SELECT g, md5(g::text), 0 FROM generate_series(1, " + ROWS + ") g", "n1");
        await("initial rows replicated").atMost(Duration.ofSeconds(120)).until(() ->
                mesh.count("n2", "SELECT count(*) FROM public.live") == ROWS && mesh.count("n3", "SELECT count(*) FROM public.live") == ROWS);
        mesh.sql("ANALYZE public.live");
    }

    /** Writers, one per node, each on its own keys (id % 3) so replication never has to resolve a conflict. */
    static final class Writers implements AutoCloseable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong operations = new AtomicLong();
        final List<Thread> threads = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();

        Writers() {
            for (int i = 0; i < 3; i++) {
                int owner = i;
                Thread t = new Thread(() -> write(owner), "writer-n" + (i + 1));
                threads.add(t);
                t.start();
            }
        }

        private void write(int owner) {
            String node = "n" + (owner + 1);
            int inserted = 0;
            try (Connection c = mesh.connect(node);
                 PreparedStatement update = c.prepareStatement("UPDATE public.live SET n = n + 1, v = md5(random()::text) WHERE id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO public.live VALUES (?, 'new', 0)");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM public.live WHERE id = ?")) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    int kind = random.nextInt(10);
                    if (kind < 7) {
                        int id = QUIET_KEYS + 3 * random.nextInt((ROWS - QUIET_KEYS) / 3) + owner;
                        update.setInt(1, id);
                        update.executeUpdate();
                    } else if (kind < 9) {
                        insert.setInt(1, 10_000_000 * (owner + 1) + inserted++);
                        insert.executeUpdate();
                    } else if (inserted > 0) {
                        delete.setInt(1, 10_000_000 * (owner + 1) + random.nextInt(inserted));
                        delete.executeUpdate();
                    }
                    operations.incrementAndGet();
                }
            } catch (Throwable e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
        }
    }

    static Set<Integer> reportedKeys(JsonNode diff) {
        Set<Integer> keys = new TreeSet<>();
        diff.get("diffs").forEach(pair -> pair.get("rows").forEach(list -> list.forEach(row -> keys.add(row.get("id").asInt()))));
        return keys;
    }

    @Test
    void writesInFlightAreNotReportedAndRealDivergenceIsReportedExactly() throws Exception {
        try (Writers writers = new Writers()) {
            await("the writers under way").atMost(Duration.ofSeconds(30)).until(() -> writers.operations.get() >= 200);
            Ace.Result quiet = ace.run("table-diff", "local", "public.live", "--block-size", "10000", "--output", "html");
            assertThat(quiet.exitCode()).as(quiet.toString()).isEqualTo(0);
            System.out.println("live, no divergence: " + quiet.out().lines().findFirst().orElse("") + " writer ops so far: " + writers.operations.get());

            Set<Integer> planted = new TreeSet<>();
            for (int i = 0; i < 25; i++) {
                int id = 10 + i * 37;
                String node = i % 2 == 0 ? "n2" : "n3";
                String change = switch (i % 3) {
                    case 0 -> "UPDATE public.live SET v = 'diverged' WHERE id = " + id;
                    case 1 -> "DELETE FROM public.live WHERE id = " + id;
                    default -> "UPDATE public.live SET n = -1 WHERE id = " + id;
                };
                mesh.sql("SELECT pg_replication_origin_create('test_live') WHERE NOT EXISTS (SELECT 1 FROM pg_replication_origin"
                        + " WHERE roname = 'test_live'); SELECT pg_replication_origin_session_setup('test_live'); " + change
                        + "; SELECT pg_replication_origin_session_reset()", node);
                planted.add(id);
            }
            long start = System.nanoTime();
            Ace.Result diverged = ace.run("table-diff", "local", "public.live", "--block-size", "10000");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(diverged.exitCode()).as(diverged.toString()).isEqualTo(1);
            JsonNode diff = diverged.diff();
            assertThat(reportedKeys(diff)).isEqualTo(planted);
            JsonNode summary = diff.get("summary");
            System.out.printf("live, 25 planted: %s; transient %d, re-check %.3f s of %.1f s%n", diverged.out().lines().findFirst().orElse(""),
                    summary.get("transient_keys").asLong(), summary.get("recheck_seconds").asDouble(), seconds);
            assertThat(summary.get("recheck_lagging_nodes").size()).isZero();

            Ace.Result rerun = ace.run("table-rerun", "local", "public.live", "--diff-file", diverged.diffFile().toString(),
                    "--output-dir", ace.outputDir().toString());
            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(1);
            assertThat(reportedKeys(rerun.diff())).isEqualTo(planted);
            assertThat(writers.operations.get()).as("the writers kept writing").isGreaterThan(500);
        }
    }
}
