package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** --columns and --exclude-columns: what a comparison reads, records and lets a repair do. */
@OnCluster
class ChosenColumnsTest {

    private final LocalCluster cluster;
    private final Ace ace;

    ChosenColumnsTest(LocalCluster cluster, Ace ace) {
        this.cluster = cluster;
        this.ace = ace;
    }

    @BeforeAll
    static void table(LocalCluster cluster) {
        cluster.sql("""
                DROP TABLE IF EXISTS public.chosen;
                CREATE TABLE public.chosen (id int PRIMARY KEY, a int, b text, note text, updated timestamptz);
                INSERT INTO public.chosen SELECT g, g, 'b' || g, 'note ' || g, timestamptz '2025-01-01 00:00:00+00' FROM generate_series(1, 500) g;
                """, "n1", "n2");
        cluster.sql("UPDATE public.chosen SET note = 'other' WHERE id = 1; UPDATE public.chosen SET a = -2 WHERE id = 2;"
                + "UPDATE public.chosen SET updated = now() WHERE id = 3; DELETE FROM public.chosen WHERE id = 4", "n2");
    }

    @Test
    void excludedColumnsAreNeitherComparedNorShown() {
        Ace.Result r = ace.run("table-diff", "local", "public.chosen", "--nodes", "n1,n2", "--exclude-columns", "note,updated",
                "--block-size", "100");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.diffKeys("id")).containsExactlyInAnyOrder("2", "4");
        JsonNode summary = r.diff().get("summary");
        assertThat(summary.get("columns").toString()).isEqualTo("[\"id\",\"a\",\"b\"]");
        assertThat(summary.get("column_choice").asString()).isEqualTo("--exclude-columns note,updated");
        JsonNode row = r.diff().get("diffs").get("n1/n2").get("rows").get("n1").get(0);
        assertThat(row.has("a")).isTrue();
        assertThat(row.has("note")).isFalse();

        // the re-check reads the same columns
        Ace.Result rerun = ace.run("table-rerun", "local", "public.chosen", "--diff-file", r.diffFile().toString(),
                "--output-dir", ace.outputDir().toString());
        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(1);
        assertThat(rerun.out()).as(rerun.toString()).contains("2 rows still differ");

        // a repair updates the compared columns only, and inserts a missing row whole
        Ace.Result dryRun = ace.run("table-repair", "local", "public.chosen", "--diff-file", r.diffFile().toString(), "--source-of-truth", "n1",
                "--dry-run", "--output-dir", ace.outputDir().toString());
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(1);
        assertThat(ace.outputFiles()).filteredOn(p -> p.getFileName().toString().startsWith("public_chosen_dry-run-n2")).singleElement()
                .satisfies(p -> assertThat(p).content().contains("-- with \"note\", \"updated\" from the same node's row"));
        Ace.Result repair = ace.run("table-repair", "local", "public.chosen", "--diff-file", r.diffFile().toString(), "--source-of-truth", "n1");
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("n2 inserted 1, updated 1, deleted 0")
                .contains("columns not compared (note, updated) left as they were by updates, taken with the rest of the row by inserts");
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.chosen WHERE id = 4 AND note = 'note 4'"
                + " AND updated = timestamptz '2025-01-01 00:00:00+00' AND a = 4")).isEqualTo(1);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.chosen WHERE id = 2 AND a = 2")).isEqualTo(1);
        // what was not compared is left as it was
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.chosen WHERE (id = 1 AND note = 'other')"
                + " OR (id = 3 AND updated > timestamptz '2025-01-01 00:00:00+00')")).isEqualTo(2);
        cluster.sql("UPDATE public.chosen SET a = -2 WHERE id = 2; DELETE FROM public.chosen WHERE id = 4", "n2");
    }

    @Test
    void onlyTheNamedColumnsAndTheKeyAreCompared() {
        Ace.Result r = ace.run("table-diff", "local", "public.chosen", "--nodes", "n1,n2", "--columns", "note");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.diffKeys("id")).containsExactlyInAnyOrder("1", "4");
        assertThat(r.diff().get("summary").get("columns").toString()).isEqualTo("[\"id\",\"note\"]");
    }

    @Test
    void badChoicesExit64NamingTheColumn() {
        Ace.Result unknown = ace.run("table-diff", "local", "public.chosen", "--nodes", "n1,n2", "--columns", "a,nosuch");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(64);
        assertThat(unknown.err()).contains("--columns names \"nosuch\", not a column of public.chosen");
        Ace.Result key = ace.run("table-diff", "local", "public.chosen", "--nodes", "n1,n2", "--exclude-columns", "id");
        assertThat(key.exitCode()).as(key.toString()).isEqualTo(64);
        assertThat(key.err()).contains("cannot leave out \"id\"");
        Ace.Result both = ace.run("table-diff", "local", "public.chosen", "--nodes", "n1,n2", "--columns", "a", "--exclude-columns", "b");
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(64);
        assertThat(both.err()).contains("cannot be given together");
    }
}
