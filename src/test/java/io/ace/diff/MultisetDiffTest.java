package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.JsonNode;

/** A table without any key compared as a multiset of whole rows, on three real nodes. */
@OnCluster
class MultisetDiffTest {

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
    }

    /** Each listed row of one node in one pair, as "a|b" (b NULL as {@code NULL}) to its copies. */
    static Map<String, Long> copies(JsonNode diff, String pair, String node) {
        Map<String, Long> rows = new LinkedHashMap<>();
        diff.get("diffs").get(pair).get("rows").get(node).forEach(r -> rows.put(r.get("a").asString() + "|" + (r.get("b").isNull() ? "NULL" : r.get("b").asString()),
                r.get("_ace_metadata_").get("copies").asLong()));
        return rows;
    }

    @Test
    void everySurplusAndMissingCopyIsFoundWithEachNodesCount() throws Exception {
        // every row three times; numeric, float, jsonb, timestamptz and NULLs hash by their exact values
        cluster.sql("""
                DROP TABLE IF EXISTS public.bag;
                CREATE TABLE public.bag (a int, b text, n numeric, f float8, j jsonb, t timestamptz);
                INSERT INTO public.bag SELECT g % 1000, 'v' || (g % 1000), (g % 1000) * 1.5, (g % 1000) / 3.0,
                  jsonb_build_object('k', g % 1000), timestamptz '2025-01-01 00:00:00+00' + (g % 1000) * interval '1 minute'
                  FROM generate_series(1, 3000) g;
                INSERT INTO public.bag VALUES (2000, 'nulls', NULL, NULL, NULL, NULL), (2001, '', 1.0, 0, '{}', NULL);
                ANALYZE public.bag;
                """, "n1", "n2", "n3");
        cluster.sql("""
                DELETE FROM public.bag WHERE ctid IN (SELECT ctid FROM public.bag WHERE a = 7 LIMIT 1);
                INSERT INTO public.bag SELECT * FROM public.bag WHERE a = 8 LIMIT 1;
                INSERT INTO public.bag VALUES (5000, 'only on n2', 1, 1, '[]', now());
                """, "n2");
        // n3: a row gone in all its copies, and values that differ only in representation
        cluster.sql("""
                DELETE FROM public.bag WHERE a = 9;
                UPDATE public.bag SET b = NULL WHERE a = 2001;
                UPDATE public.bag SET n = 1.00 WHERE a = 2000;
                """, "n3");

        Ace.Result r = ace.run("table-diff", "local", "public.bag", "--nodes", "n1,n2,n3", "--output", "html");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode diff = r.diff();
        JsonNode summary = diff.get("summary");
        assertThat(summary.get("compared_as").asString()).isEqualTo("multiset");
        assertThat(summary.get("primary_key")).isEmpty();
        assertThat(summary.get("total_rows_checked").asLong()).isEqualTo(3003);

        assertThat(copies(diff, "n1/n2", "n1")).containsOnly(Map.entry("7|v7", 3L), Map.entry("8|v8", 3L));
        assertThat(copies(diff, "n1/n2", "n2")).containsOnly(Map.entry("7|v7", 2L), Map.entry("8|v8", 4L), Map.entry("5000|only on n2", 1L));
        assertThat(copies(diff, "n1/n3", "n1")).containsOnly(Map.entry("9|v9", 3L), Map.entry("2000|nulls", 1L), Map.entry("2001|", 1L));
        assertThat(copies(diff, "n1/n3", "n3")).containsOnly(Map.entry("2000|nulls", 1L), Map.entry("2001|NULL", 1L));
        assertThat(summary.get("diff_rows_count").get("n1/n2").asLong()).isEqualTo(3);
        // a changed row is two distinct rows of the multiset, each held by one side: 9, and 2000 and 2001 on each side
        assertThat(summary.get("diff_rows_count").get("n1/n3").asLong()).isEqualTo(5);
        diff.get("diffs").get("n1/n3").get("rows").get("n3").forEach(row -> {
            if (row.get("a").asInt() == 2000) {
                assertThat(row.get("n").asString()).isEqualTo("1.00");
            }
        });
        assertThat(r.out()).contains("as a multiset of whole rows (no key)");
        Path html = ace.outputDir().resolve(r.out().lines().filter(l -> l.startsWith("report: ")).findFirst().orElseThrow().substring(8));
        assertThat(Files.readString(html)).contains("3 copies on n1, 2 copies on n2").contains("compared as a multiset of whole rows")
                .doesNotContain("Starter repair plan");

        // the same multisets again: in sync
        cluster.sql("DROP TABLE IF EXISTS public.bag_same; CREATE TABLE public.bag_same AS SELECT * FROM public.bag WHERE a BETWEEN 10 AND 99",
                "n1", "n2", "n3");
        Ace.Result same = ace.run("table-diff", "local", "public.bag_same", "--nodes", "n1,n2,n3");
        assertThat(same.exitCode()).as(same.toString()).isEqualTo(0);
        assertThat(same.out()).contains("all nodes are in sync");
    }

    @Test
    void aRunThatFailsAfterCountingResumesWithoutCountingAgain(@TempDir Path home) throws Exception {
        cluster.sql("""
                DROP TABLE IF EXISTS public.bag_restart;
                CREATE TABLE public.bag_restart (a int, b text);
                INSERT INTO public.bag_restart SELECT g % 300, 'x' FROM generate_series(1, 900) g;
                """, "n1", "n2");
        cluster.sql("DELETE FROM public.bag_restart WHERE ctid IN (SELECT ctid FROM public.bag_restart WHERE a = 5 LIMIT 1);"
                + "DELETE FROM public.bag_restart WHERE ctid IN (SELECT ctid FROM public.bag_restart WHERE a = 6 LIMIT 2)", "n2");
        String[] command = {"table-diff", "local", "public.bag_restart", "--nodes", "n1,n2", "--run-key", "bag-1"};
        try (Ace failing = new Ace(cluster.serviceFile(), home, "ace.testing.fail-before-block=0")) {
            Ace.Result failed = failing.run(command);
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
            assertThat(failed.err()).contains("failure injected before block 0");
        }
        try (Ace resuming = new Ace(cluster.serviceFile(), home)) {
            Ace.Result resumed = resuming.run(command);
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
            JobRepository repository = resuming.context().getBean(JobRepository.class);
            JobExecution last = repository.getJobInstances("table-diff", 0, 10).stream().flatMap(i -> repository.getJobExecutions(i).stream())
                    .filter(e -> "bag-1".equals(e.getJobParameters().getString("run_key")))
                    .max(Comparator.comparingLong(JobExecution::getId)).orElseThrow();
            assertThat(last.getStepExecutions().stream().map(StepExecution::getStepName)).as("counted once, in the failed execution")
                    .containsExactlyInAnyOrder("narrow", "report");
            Ace.Result clean = resuming.run("table-diff", "local", "public.bag_restart", "--nodes", "n1,n2");
            assertThat(resumed.diff().get("diffs")).isEqualTo(clean.diff().get("diffs"));
            // one of row 5's three copies gone, and two of row 6's: both rows differ
            assertThat(clean.diff().get("summary").get("diff_rows_count").get("n1/n2").asLong()).isEqualTo(2);
        }
    }

    @Test
    void aRepairFromTheDiffMakesEveryMultisetEqualAndTheRerunIsClean() {
        cluster.sql("""
                DROP TABLE IF EXISTS public.bag_fix;
                CREATE TABLE public.bag_fix (a int, b text, n numeric);
                INSERT INTO public.bag_fix SELECT g % 400, 'x' || (g % 7), g % 400 / 4.0 FROM generate_series(1, 1200) g;
                """, "n1", "n2", "n3");
        cluster.sql("DELETE FROM public.bag_fix WHERE ctid IN (SELECT ctid FROM public.bag_fix WHERE a < 20 LIMIT 25);"
                + "INSERT INTO public.bag_fix SELECT * FROM public.bag_fix WHERE a BETWEEN 100 AND 110", "n2");
        cluster.sql("DELETE FROM public.bag_fix WHERE a BETWEEN 300 AND 305; INSERT INTO public.bag_fix VALUES (9999, NULL, NULL), (9999, NULL, NULL)",
                "n3");
        String[] nodes = {"--nodes", "n1,n2,n3"};
        Ace.Result diff = ace.run("table-diff", "local", "public.bag_fix", nodes[0], nodes[1]);
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);

        Ace.Result repair = ace.run("table-repair", "local", "public.bag_fix", "--diff-file", diff.diffFile().toString(),
                "--source-of-truth", "n1");
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(0);
        assertThat(repair.out()).contains("the multisets are equal");
        String multiset = "SELECT string_agg(r, ';' ORDER BY r) FROM (SELECT a || '/' || coalesce(b, 'NULL') || '/' || coalesce(n::text, 'NULL')"
                + " || 'x' || count(*) AS r FROM public.bag_fix GROUP BY a, b, n) s";
        String onN1 = text(cluster, "n1", multiset);
        assertThat(onN1).doesNotContain("9999");
        assertThat(text(cluster, "n2", multiset)).isEqualTo(onN1);
        assertThat(text(cluster, "n3", multiset)).isEqualTo(onN1);

        Ace.Result rerun = ace.run("table-rerun", "local", "public.bag_fix", "--diff-file", diff.diffFile().toString());
        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(0);
        Ace.Result again = ace.run("table-diff", "local", "public.bag_fix", nodes[0], nodes[1]);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
    }

    private static String text(LocalCluster cluster, String node, String sql) {
        try (var c = cluster.connect(node); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLeftOutColumnHidesItsDifferencesAndWhatCannotApplyIsRefused() {
        cluster.sql("""
                DROP TABLE IF EXISTS public.bag_cols;
                CREATE TABLE public.bag_cols (a int, b text, noted timestamptz);
                INSERT INTO public.bag_cols SELECT g % 50, 'x', now() FROM generate_series(1, 200) g;
                """, "n1", "n2");
        cluster.sql("UPDATE public.bag_cols SET noted = noted + interval '1 hour' WHERE a = 3", "n2");
        Ace.Result all = ace.run("table-diff", "local", "public.bag_cols", "--nodes", "n1,n2");
        assertThat(all.exitCode()).as(all.toString()).isEqualTo(1);
        Ace.Result chosen = ace.run("table-diff", "local", "public.bag_cols", "--nodes", "n1,n2", "--exclude-columns", "noted");
        assertThat(chosen.exitCode()).as(chosen.toString()).isEqualTo(0);

        for (String[] refused : new String[][] {{"--equality", "semantic"}, {"--incremental-column", "noted"}}) {
            Ace.Result r = ace.run("table-diff", "local", "public.bag_cols", "--nodes", "n1,n2", refused[0], refused[1]);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
            assertThat(r.err()).contains("compared as a multiset of whole rows, where " + refused[0]);
        }
        Ace.Result tree = ace.run("mtree-build", "local", "public.bag_cols", "--nodes", "n1,n2");
        assertThat(tree.exitCode()).as(tree.toString()).isEqualTo(78);
        assertThat(tree.err()).contains("has no primary key on node n1");
    }
}
