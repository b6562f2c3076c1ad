package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Nightly incremental runs on two real nodes: the first run compares every row; each next one
 * only rows whose updated_at lies after the last completed run's watermark and before now()
 * minus the boundary, and still compares a key it finds whole on every node.
 */
@OnCluster
class IncrementalDiffTest {

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
        cluster.sql("DROP TABLE IF EXISTS public.inc_t; CREATE TABLE public.inc_t (id int PRIMARY KEY, v text, updated_at timestamptz NOT NULL);"
                + " INSERT INTO public.inc_t SELECT g, 'v' || g, TIMESTAMPTZ '2020-01-01 00:00:00+00' FROM generate_series(1, 1000) g", "n1", "n2");
    }

    private static Ace.Result run(Ace on, String runKey) {
        return on.run("table-diff", "local", "public.inc_t", "--nodes", "n1,n2", "--incremental-column", "updated_at", "--boundary", "2s",
                "--run-key", runKey);
    }

    /** Waits until the nodes' clocks minus the boundary are past {@code instant}: a run started then has it inside its window. */
    private static void awaitBoundaryPast(Instant instant) {
        await("the boundary to pass " + instant).atMost(Duration.ofSeconds(30)).until(() ->
                cluster.count("n1", "SELECT count(*) FROM (SELECT 1 WHERE now() - interval '2 seconds' > TIMESTAMPTZ '" + instant + "') x") == 1);
    }

    @Test
    void eachRunReadsOnlyItsWindowCatchesLateCommitsAndAFailedRunMovesNothing() {
        Ace.Result first = run(ace, "inc-1");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("1,000 rows checked");

        // diverged on n2 after the first run: one row with a new timestamp, one whose timestamp stayed old
        cluster.sql("UPDATE public.inc_t SET v = 'changed', updated_at = now() WHERE id = 5;"
                + " UPDATE public.inc_t SET v = 'old change' WHERE id = 6", "n2");
        awaitBoundaryPast(Instant.parse(text("SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM public.inc_t WHERE id = 5")));
        Ace.Result second = run(ace, "inc-2");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
        assertThat(second.diffKeys("id")).as("the old-timestamped change is not read").containsExactly("5");
        JsonNode sides = second.diff().path("diffs").path("n1/n2").path("rows");
        assertThat(sides.path("n1").get(0).path("v").asString()).as("a key found in the window is compared whole on every node").isEqualTo("v5");
        JsonNode window = second.diff().path("summary").path("incremental");
        assertThat(second.diff().path("summary").path("total_rows_checked").asLong()).as("rows read: only the window's").isEqualTo(1);
        assertThat(window.path("window_from").isString()).isTrue();
        assertThat(window.path("last_full_comparison").isString()).as("the first run compared every row").isTrue();
        assertThat(window.path("deletes").asString()).contains("not seen");
        Instant watermark = Instant.parse(window.path("window_to").asString());

        // committed after the second run, with a timestamp from before its end: inside the boundary it had left to the next run
        cluster.sql("UPDATE public.inc_t SET v = 'late', updated_at = TIMESTAMPTZ '" + watermark.plusMillis(1) + "' WHERE id = 7", "n2");
        awaitBoundaryPast(watermark.plusMillis(1));
        try (Ace failing = new Ace(cluster.serviceFile(), ace.home(), "ace.testing.fail-before-block=0", "ace.testing.fail-in-table=public.inc_t")) {
            assertThat(run(failing, "inc-3-fails").exitCode()).isEqualTo(2);
        }
        Ace.Result third = run(ace, "inc-4");
        assertThat(third.exitCode()).as(third.toString()).isEqualTo(1);
        assertThat(third.diffKeys("id")).as("the late commit is caught, and id 5 is not read again").containsExactly("7");
        assertThat(third.diff().path("summary").path("incremental").path("window_from").asString())
                .as("the failed run did not move the watermark").isEqualTo(watermark.toString());
    }

    @Test
    void aMerkleTreeDiffOfTheTableIsALastComparisonOfEveryRow() {
        cluster.sql("DROP TABLE IF EXISTS public.inc_m; CREATE TABLE public.inc_m (id int PRIMARY KEY, v text, updated_at timestamptz NOT NULL);"
                + " INSERT INTO public.inc_m SELECT g, 'v', TIMESTAMPTZ '2020-01-01 00:00:00+00' FROM generate_series(1, 100) g", "n1", "n2");
        cluster.sql("UPDATE public.inc_m SET v = 'n2' WHERE id = 3", "n2");
        assertThat(ace.run("mtree-init", "local", "--nodes", "n1,n2").exitCode()).isZero();
        try {
            assertThat(ace.run("mtree-build", "local", "public.inc_m", "--nodes", "n1,n2").exitCode()).isZero();
            assertThat(ace.run("mtree-table-diff", "local", "public.inc_m", "--nodes", "n1,n2").exitCode()).isEqualTo(1);
        } finally {
            assertThat(ace.run("mtree-teardown", "local", "--nodes", "n1,n2").exitCode()).isZero();
        }
        Ace.Result first = ace.run("table-diff", "local", "public.inc_m", "--nodes", "n1,n2", "--incremental-column", "updated_at");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
        JsonNode incremental = first.diff().path("summary").path("incremental");
        assertThat(incremental.path("window_from").isNull()).as("a first run reads every row").isTrue();
        assertThat(incremental.path("last_full_comparison").isString()).as("the tree diff compared every row").isTrue();
    }

    private static String text(String sql) {
        try (var c = cluster.connect("n2"); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
