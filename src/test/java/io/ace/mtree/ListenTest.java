package io.ace.mtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * {@code mtree listen} holds every slot; update and table-diff keep working beside it (they wait
 * for its confirmed position instead of taking the slot), it keeps the trees current on its own,
 * and {@code jobs stop} ends it (exit 3).
 */
@OnCluster
class ListenTest {

    private static final String ACTIVE = "SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'ace_mtree_%'"
            + " AND database = current_database() AND active";
    private static final String ROOT = "SELECT encode(n.digest, 'hex') FROM ace_mtree.tree_node n JOIN ace_mtree.tracked_table t"
            + " USING (table_id) WHERE t.table_name = 'mt_listen' ORDER BY n.level DESC LIMIT 1";

    @TempDir
    Path listenerHome;

    @Test
    void updateAndTableDiffWorkWhileListenRuns(LocalCluster cluster, Ace ace) throws Exception {
        TreeFixtures trees = new TreeFixtures(cluster, ace);
        trees.expect(0, trees.mtree("init", "local", "--nodes", "n1,n2"));
        cluster.sql("DROP TABLE IF EXISTS public.mt_listen; CREATE TABLE public.mt_listen (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.mt_listen SELECT g, 'v' FROM generate_series(1, 5000) g; ANALYZE public.mt_listen", "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_listen", "--nodes", "n1,n2", "--block-size", "200"));

        try (Ace listener = new Ace(cluster.serviceFile(), listenerHome)) {
            CompletableFuture<Ace.Result> listening = CompletableFuture.supplyAsync(
                    () -> listener.run("mtree", "listen", "local", "--nodes", "n1,n2"));
            await("listen to hold both slots").atMost(Duration.ofSeconds(60))
                    .until(() -> cluster.count("n1", ACTIVE) == 1 && cluster.count("n2", ACTIVE) == 1);

            cluster.sql("UPDATE public.mt_listen SET v = 'while listening' WHERE id IN (17, 4000)", "n2");
            Ace.Result diff = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_listen", "--nodes", "n1,n2"));
            assertThat(diff.diffKeys("id")).containsExactly("17", "4000");
            cluster.sql("UPDATE public.mt_listen SET v = 'while listening' WHERE id IN (17, 4000)", "n1");
            trees.expect(0, trees.mtree("update", "local", "public.mt_listen", "--nodes", "n1,n2"));
            trees.expect(0, trees.mtree("table-diff", "local", "public.mt_listen", "--nodes", "n1,n2"));
            assertThat(cluster.count("n1", ACTIVE) + cluster.count("n2", ACTIVE)).as("listen kept both slots").isEqualTo(2);

            // a teardown while listen reads the slots is refused in one line, and recorded with the exit code the process had
            Ace.Result refused = trees.expect(75, trees.mtree("teardown", "local", "--nodes", "n1,n2"));
            assertThat(refused.err()).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(ace.run("jobs", "list").out()).containsPattern("mtree-teardown +FAILED +75 ");

            // on its own, listen folds the marks and rehashes: the tree moves without an update
            String root = trees.text("n1", ROOT);
            cluster.sql("DELETE FROM public.mt_listen WHERE id = 2500", "n1");
            await("listen to rehash the changed leaf").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !root.equals(trees.text("n1", ROOT)) && cluster.count("n1", "SELECT count(*) FROM ace_mtree.change") == 0);

            JobExecution running = listener.context().getBean(JobRepository.class).findRunningJobExecutions("mtree-listen")
                    .iterator().next();
            try (Ace operator = new Ace(cluster.serviceFile(), listener.home())) {
                trees.expect(0, operator.run("jobs", "stop", Long.toString(running.getId())));
            }
            Ace.Result stopped = listening.get(120, TimeUnit.SECONDS);
            assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(3);
            await("the slots to be released").atMost(Duration.ofSeconds(30))
                    .until(() -> cluster.count("n1", ACTIVE) + cluster.count("n2", ACTIVE) == 0);
        } finally {
            trees.expect(0, trees.mtree("teardown", "local", "--nodes", "n1,n2"));
        }
    }
}
