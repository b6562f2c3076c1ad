package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Key types, cluster sizes and table shapes, each on real nodes with small blocks so boundaries matter. */
@OnCluster
class KeysAndShapesTest {

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
    }

    static List<String> keyStrings(JsonNode diff, String pair, String node, String... columns) {
        List<String> keys = new ArrayList<>();
        diff.get("diffs").get(pair).get("rows").get(node).forEach(r -> {
            StringBuilder sb = new StringBuilder();
            for (String c : columns) {
                sb.append(sb.isEmpty() ? "" : "|").append(r.get(c).asString());
            }
            keys.add(sb.toString());
        });
        return keys;
    }

    @Test
    void compositeKeyOfMixedTypesInKeyOrder() {
        cluster.sql("""
                DROP TABLE IF EXISTS public.comp;
                CREATE TABLE public.comp (region text COLLATE "C", day date, seq int, amount numeric, PRIMARY KEY (region, day, seq));
                INSERT INTO public.comp SELECT r, date '2025-01-01' + (g % 30), g, g * 1.5
                  FROM unnest(ARRAY['eu','us','ap','Zulu']) r, generate_series(1, 250) g;
                ANALYZE public.comp;
                """, "n1", "n2");
        cluster.sql("UPDATE public.comp SET amount = amount + 1 WHERE (region, seq) IN (('us', 7), ('ap', 250), ('Zulu', 1));"
                + "DELETE FROM public.comp WHERE region = 'eu' AND seq = 100", "n2");
        Ace.Result r = ace.run("table-diff", "local", "public.comp", "--nodes", "n1,n2", "--block-size", "40");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        // "C" collation: uppercase sorts first; rows listed in primary-key order
        assertThat(keyStrings(r.diff(), "n1/n2", "n1", "region", "seq"))
                .containsExactly("Zulu|1", "ap|250", "eu|100", "us|7");
        assertThat(r.diff().get("summary").get("initial_ranges_count").asInt()).isGreaterThan(10);
        assertThat(r.diff().get("summary").get("total_rows_checked").asLong()).isEqualTo(1000);
    }

    @Test
    void aTableWithoutPrimaryKeyIsComparedAndRepairedByAUniqueKey() {
        cluster.sql("""
                DROP TABLE IF EXISTS public.nopk_uq, public.nopk_ri;
                CREATE TABLE public.nopk_uq (code text NOT NULL, region int NOT NULL, v text, note text UNIQUE, UNIQUE (region, code));
                CREATE UNIQUE INDEX nopk_uq_partial ON public.nopk_uq (code) WHERE region = 0;
                INSERT INTO public.nopk_uq SELECT 'c' || g, g % 7, 'v' || g, NULL FROM generate_series(1, 700) g;
                -- two usable unique indexes: the replica identity index is the one rows are matched by
                CREATE TABLE public.nopk_ri (a int NOT NULL UNIQUE, b int NOT NULL, v text);
                CREATE UNIQUE INDEX nopk_ri_b ON public.nopk_ri (b);
                ALTER TABLE public.nopk_ri REPLICA IDENTITY USING INDEX nopk_ri_b;
                INSERT INTO public.nopk_ri SELECT g, 1000 - g, 'v' FROM generate_series(1, 300) g;
                ANALYZE public.nopk_uq, public.nopk_ri;
                """, "n1", "n2");
        cluster.sql("UPDATE public.nopk_uq SET v = 'changed' WHERE (region, code) IN ((1, 'c1'), (3, 'c500'));"
                + "DELETE FROM public.nopk_uq WHERE region = 0 AND code = 'c7';"
                + "INSERT INTO public.nopk_uq VALUES ('extra', 2, 'x', NULL);"
                + "UPDATE public.nopk_ri SET v = 'changed' WHERE a IN (5, 250)", "n2");

        Ace.Result diff = ace.run("table-diff", "local", "public.nopk_uq", "--nodes", "n1,n2", "--block-size", "100", "--output", "html");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        JsonNode summary = diff.diff().get("summary");
        assertThat(summary.get("key_index").asString()).isEqualTo("unique index \"nopk_uq_region_code_key\"");
        assertThat(summary.get("primary_key").toString()).isEqualTo("[\"region\",\"code\"]");
        assertThat(summary.get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(4);
        assertThat(keyStrings(diff.diff(), "n1/n2", "n2", "region", "code")).containsExactly("1|c1", "2|extra", "3|c500");
        assertThat(diff.diffFile().resolveSibling(diff.diffFile().getFileName().toString().replace(".json", ".html")))
                .content().contains("unique index &quot;nopk_uq_region_code_key&quot;");

        Ace.Result repair = ace.run("table-repair", "local", "public.nopk_uq", "--diff-file", diff.diffFile().toString(),
                "--source-of-truth", "n1", "--generate-report", "--output-dir", ace.outputDir().toString());
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(ace.outputFiles()).filteredOn(p -> p.getFileName().toString().matches("public_nopk_uq_repair-.*\\.json")).singleElement()
                .satisfies(p -> assertThat(p).content().contains("\"key_index\":\"unique index \\\"nopk_uq_region_code_key\\\"\""));
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.nopk_uq")).isEqualTo(700);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.nopk_uq WHERE v = 'changed' OR code = 'extra'")).isZero();
        Ace.Result again = ace.run("table-diff", "local", "public.nopk_uq", "--nodes", "n1,n2", "--block-size", "100");
        assertThat(again.exitCode()).as(again.toString()).isZero();

        Ace.Result byIdentity = ace.run("table-diff", "local", "public.nopk_ri", "--nodes", "n1,n2");
        assertThat(byIdentity.exitCode()).as(byIdentity.toString()).isEqualTo(1);
        assertThat(byIdentity.diff().get("summary").get("key_index").asString()).isEqualTo("replica identity index \"nopk_ri_b\"");
        assertThat(keyStrings(byIdentity.diff(), "n1/n2", "n2", "b")).containsExactly("750", "995");
    }

    @Test
    void textKeyWithLinguisticCollationUuidAndTimestampKeys() {
        cluster.sql("""
                DROP TABLE IF EXISTS public.tk, public.uk, public.tsk;
                CREATE TABLE public.tk (k text COLLATE "und-x-icu" PRIMARY KEY, v int);
                INSERT INTO public.tk SELECT 'key ' || g || CASE WHEN g % 3 = 0 THEN ' É' ELSE ' e' END, g FROM generate_series(1, 500) g;
                CREATE TABLE public.uk (k uuid PRIMARY KEY, v int);
                INSERT INTO public.uk SELECT md5(g::text)::uuid, g FROM generate_series(1, 500) g;
                CREATE TABLE public.tsk (k timestamptz PRIMARY KEY, v int);
                INSERT INTO public.tsk SELECT timestamptz '2025-01-01' + g * interval '1 second 1 microsecond', g FROM generate_series(1, 500) g;
                ANALYZE public.tk, public.uk, public.tsk;
                """, "n1", "n2");
        cluster.sql("UPDATE public.tk SET v = -1 WHERE v IN (3, 250, 499); UPDATE public.uk SET v = -1 WHERE v IN (1, 77);"
                + "UPDATE public.tsk SET v = -1 WHERE v IN (500)", "n2");
        for (String[] t : new String[][] {{"public.tk", "3"}, {"public.uk", "2"}, {"public.tsk", "1"}}) {
            Ace.Result r = ace.run("table-diff", "local", t[0], "--nodes", "n1,n2", "--block-size", "50");
            assertThat(r.exitCode()).as(t[0] + " " + r).isEqualTo(1);
            assertThat(r.diff().get("summary").get("diff_rows_count").get("n1/n2").asInt()).as(t[0]).isEqualTo(Integer.parseInt(t[1]));
        }
    }

    @Test
    void fourNodesEveryPairReported() {
        cluster.sql("DROP TABLE IF EXISTS public.four; CREATE TABLE public.four (id bigint PRIMARY KEY, v text);"
                + "INSERT INTO public.four SELECT g, 'v' || g FROM generate_series(1, 300) g;");
        cluster.sql("UPDATE public.four SET v = 'n3 says' WHERE id = 10", "n3");
        cluster.sql("DELETE FROM public.four WHERE id = 20", "n4");
        Ace.Result r = ace.run("table-diff", "local", "public.four", "--block-size", "25");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode counts = r.diff().get("summary").get("diff_rows_count");
        assertThat(counts.propertyNames()).containsExactlyInAnyOrder("n1/n3", "n2/n3", "n3/n4", "n1/n4", "n2/n4");
        assertThat(counts.get("n3/n4").asInt()).isEqualTo(2);
        assertThat(r.diff().get("summary").get("odd_node_counts").get("n3").asInt()).isEqualTo(1);
        assertThat(r.diff().get("summary").get("odd_node_counts").get("n4").asInt()).isEqualTo(1);
    }

    @Test
    void emptyTableAndSingleRowTable() {
        cluster.sql("DROP TABLE IF EXISTS public.empty, public.one; CREATE TABLE public.empty (id int PRIMARY KEY);"
                + "CREATE TABLE public.one (id int PRIMARY KEY, v text); INSERT INTO public.one VALUES (1, 'x')");
        Ace.Result empty = ace.run("table-diff", "local", "public.empty");
        assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(0);
        assertThat(empty.diffFile()).isNull();
        assertThat(empty.out()).contains("in sync");
        Ace.Result same = ace.run("table-diff", "local", "public.one");
        assertThat(same.exitCode()).as(same.toString()).isEqualTo(0);
        cluster.sql("UPDATE public.one SET v = 'y'", "n4");
        Ace.Result one = ace.run("table-diff", "local", "public.one");
        assertThat(one.exitCode()).isEqualTo(1);
        assertThat(one.diff().get("summary").get("diff_rows_count").get("n1/n4").asInt()).isEqualTo(1);
    }

    @Test
    void allRowsDifferentAndRowsOnlyOnOneNode() {
        cluster.sql("DROP TABLE IF EXISTS public.alldiff; CREATE TABLE public.alldiff (id int PRIMARY KEY, v int);", "n1", "n2");
        cluster.sql("INSERT INTO public.alldiff SELECT g, g FROM generate_series(1, 2000) g", "n1");
        cluster.sql("INSERT INTO public.alldiff SELECT g, -g FROM generate_series(1, 1000) g;"
                + "INSERT INTO public.alldiff SELECT g, g FROM generate_series(3001, 3500) g", "n2");
        cluster.sql("ANALYZE public.alldiff", "n1", "n2");
        Ace.Result r = ace.run("table-diff", "local", "public.alldiff", "--nodes", "n1,n2", "--block-size", "100",
                "--compare-unit-size", "64");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode diff = r.diff();
        assertThat(diff.get("summary").get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(2500);
        assertThat(diff.get("diffs").get("n1/n2").get("rows").get("n1").size()).isEqualTo(2000);
        assertThat(diff.get("diffs").get("n1/n2").get("rows").get("n2").size()).isEqualTo(1500);
    }

    @Test
    void tableFilterNodesAndMaxDiffRows() {
        cluster.sql("DROP TABLE IF EXISTS public.filt; CREATE TABLE public.filt (id int PRIMARY KEY, region text, v int);"
                + "INSERT INTO public.filt SELECT g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, g FROM generate_series(1, 1000) g;");
        cluster.sql("UPDATE public.filt SET v = 0 WHERE id IN (2, 3, 4, 5, 6)", "n2");
        Ace.Result filtered = ace.run("table-diff", "local", "public.filt", "--nodes", "n1,n2", "--table-filter", "region = 'eu'");
        assertThat(filtered.exitCode()).isEqualTo(1);
        assertThat(filtered.diff().get("summary").get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(3);
        assertThat(filtered.diff().get("summary").get("table_filter").asString()).isEqualTo("region = 'eu'");

        Ace.Result unaffected = ace.run("table-diff", "local", "public.filt", "--nodes", "n1,n3");
        assertThat(unaffected.exitCode()).isEqualTo(0);

        Ace.Result limited = ace.run("table-diff", "local", "public.filt", "--nodes", "n1,n2", "--max-diff-rows", "2");
        assertThat(limited.exitCode()).isEqualTo(1);
        JsonNode summary = limited.diff().get("summary");
        assertThat(summary.get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(2);
        assertThat(summary.get("diff_row_limit_reached").asBoolean()).isTrue();
        assertThat(limited.diff().get("diffs").get("n1/n2").get("rows").get("n2").size()).isEqualTo(2);
    }
}
