package io.ace.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repair plans on three real nodes, on a table with a composite key and NULLs: every selector
 * and action of a plan, a row changed since the diff left alone, and bad plans refused whole.
 */
@OnCluster
class RepairPlanTest {

    static final String[] NODES = {"n1", "n2", "n3"};

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
    }

    /** The same rows on n1, n2 and n3, then each node's own changes. */
    private static void table(String name) {
        cluster.sql("DROP TABLE IF EXISTS public." + name + "; CREATE TABLE public." + name
                + " (region text, id int, v text, n int, PRIMARY KEY (region, id));"
                + " INSERT INTO public." + name + " SELECT CASE WHEN g < 4 THEN 'eu' ELSE 'us' END, g, 'v' || g, g FROM generate_series(1, 20) g", NODES);
        cluster.sql("UPDATE public." + name + " SET v = 'b' WHERE id = 1;"        // (eu,1) changed on n2: the row override keeps n2's
                + " DELETE FROM public." + name + " WHERE id = 2;"                   // (eu,2) n1 has it and n2 not (extra on n1): inserted from n1
                + " UPDATE public." + name + " SET n = 5 WHERE id = 4;"              // (us,4) n differs: coalesce n1, n2, n3
                + " UPDATE public." + name + " SET v = 'from n2' WHERE id = 5;"      // (us,5) custom row from n2's v
                + " DELETE FROM public." + name + " WHERE id = 8;"                   // (us,8) only on n3: bidirectional
                + " UPDATE public." + name + " SET v = 'n2 9' WHERE id = 9;"         // (us,9) no rule: skipped
                + " UPDATE public." + name + " SET v = 'n2 10' WHERE id = 10", "n2");
        cluster.sql("INSERT INTO public." + name + " VALUES ('eu', 30, 'extra', NULL);"  // (eu,30) only on n3 (missing on n1): deleted
                + " UPDATE public." + name + " SET n = 7 WHERE id = 4", "n3");
        cluster.sql("UPDATE public." + name + " SET n = NULL WHERE id = 4; UPDATE public." + name + " SET v = 'x1' WHERE id = 5;"
                + " DELETE FROM public." + name + " WHERE id = 8", "n1");
        // (us,6): written last on n3, so n3's row is the latest commit
        cluster.sql("UPDATE public." + name + " SET v = 'n1 6' WHERE id = 6", "n1");
        cluster.sql("UPDATE public." + name + " SET v = 'n2 6' WHERE id = 6", "n2");
        cluster.sql("UPDATE public." + name + " SET v = 'n3 6' WHERE id = 6", "n3");
    }

    private static final String PLAN = """
            version: 1
            default: skip
            rows:
              - key: {region: eu, id: 1}
                action: {keep: n2}
            rules:
              - name: one side only
                when: {key_range: {from: {region: us, id: 7}, to: {region: us, id: 8}}}
                action: bidirectional
              - name: extra on n1
                when: {kind: extra, node: n1}
                action: {apply_from: n1, mode: insert}
              - name: missing on n1
                when: {kind: missing, node: n1}
                action: delete
              - name: counts
                when: {columns_changed: [n]}
                action: {coalesce: [n1, n2, n3]}
              - name: templated
                when:
                  match: [{node: n1, column: v, op: eq, value: x1}]
                action: {custom: {v: "{{n2.v}}", n: 99}}
              - name: newest
                when: {kind: changed, keys: [{region: us, id: 6}]}
                action: {latest: [n1, n2, n3]}
              - name: changed later
                when: {keys: [{region: us, id: 10}]}
                action: {keep: n2}
            """;

    @Test
    void everyActionLeavesEachNodeAsThePlanSaysAndARowChangedSinceTheDiffAlone(@TempDir Path dir) throws IOException {
        table("plan_t");
        Ace.Result diff = ace.run("table-diff", "local", "public.plan_t", "--nodes", "n1,n2,n3");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.diffKeys("region", "id")).containsExactlyInAnyOrder("eu|1", "eu|2", "us|4", "us|5", "us|6", "us|8", "us|9", "us|10",
                "eu|30");
        // changed after the diff: the plan was written for the row the diff shows
        cluster.sql("UPDATE public.plan_t SET v = 'n1 later' WHERE id = 10", "n1");
        Path plan = Files.writeString(dir.resolve("plan.yaml"), PLAN);

        Ace.Result dryRun = ace.run("table-repair", "local", "public.plan_t", "--diff-file", diff.diffFile().toString(),
                "--repair-plan", plan.toString(), "--dry-run", "--output-dir", dir.toString());
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isIn(0, 1);
        String n3Statements = Files.readString(only(dir, "dry-run-n3"));
        assertThat(n3Statements).contains("-- key (eu, 30): rule 'missing on n1'").contains("delete")
                .contains("-- key (us, 10):").contains("left alone as stale: the row on n1 changed since the diff")
                .contains("DELETE FROM");
        assertThat(row("n3", 30, "eu")).as("a dry run writes nothing").isEqualTo("extra|null");

        Ace.Result repair = ace.run("table-repair", "local", "public.plan_t", "--diff-file", diff.diffFile().toString(),
                "--repair-plan", plan.toString());
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(1);
        Map<String, String> expected = Map.of(
                "eu|1", "b|1", "eu|2", "v2|2", "us|4", "v4|5", "us|5", "from n2|99", "us|6", "n3 6|6", "us|8", "v8|8");
        expected.forEach((key, row) -> {
            String[] k = key.split("\\|");
            for (String node : NODES) {
                assertThat(row(node, Integer.parseInt(k[1]), k[0])).as("%s on %s", key, node).isEqualTo(row);
            }
        });
        for (String node : NODES) {
            assertThat(row(node, 30, "eu")).as("extra row deleted on %s", node).isEqualTo("missing");
        }
        assertThat(row("n1", 9, "us")).as("no rule: skipped").isEqualTo("v9|9");
        assertThat(row("n2", 9, "us")).isEqualTo("n2 9|9");
        assertThat(row("n1", 10, "us")).as("stale: left alone everywhere").isEqualTo("n1 later|10");
        assertThat(row("n2", 10, "us")).isEqualTo("n2 10|10");
        assertThat(row("n3", 10, "us")).isEqualTo("v10|10");
        assertThat(repair.out()).contains("stale");

        // the same plan again, as a launch after a stop would: the rows already as decided are in place, nothing moves
        Ace.Result again = ace.run("table-repair", "local", "public.plan_t", "--diff-file", diff.diffFile().toString(),
                "--repair-plan", plan.toString());
        assertThat(again.out()).contains("n1 inserted 0, updated 0, deleted 0").contains("n2 inserted 0, updated 0, deleted 0")
                .contains("n3 inserted 0, updated 0, deleted 0");
        assertThat(row("n3", 6, "us")).isEqualTo("n3 6|6");
        assertThat(row("n1", 4, "us")).isEqualTo("v4|5");
    }

    @Test
    void aBadPlanIsRefusedWithItsLineAndColumnAndChangesNothing(@TempDir Path dir) throws IOException {
        table("plan_bad");
        Ace.Result diff = ace.run("table-diff", "local", "public.plan_bad", "--nodes", "n1,n2,n3");
        assertThat(diff.exitCode()).isEqualTo(1);
        Map<String, String> plans = Map.of(
                "unknown node", "version: 1\nrules:\n  - when: {kind: missing, node: n9}\n    action: delete\n",
                "unknown column", "version: 1\nrules:\n  - when: {columns_changed: [nope]}\n    action: delete\n",
                "inapplicable", "version: 1\nrules:\n  - when: {kind: changed}\n    action: bidirectional\n",
                "syntax", "version: 1\nrules: [\n");
        for (Map.Entry<String, String> bad : plans.entrySet()) {
            Path plan = Files.writeString(dir.resolve(bad.getKey().replace(' ', '_') + ".yaml"), bad.getValue());
            Ace.Result repair = ace.run("table-repair", "local", "public.plan_bad", "--diff-file", diff.diffFile().toString(),
                    "--repair-plan", plan.toString());
            assertThat(repair.exitCode()).as(bad.getKey() + ": " + repair).isEqualTo(64);
            assertThat(repair.err()).as(bad.getKey()).contains(plan.getFileName().toString()).containsPattern("line \\d+, column \\d+");
        }
        assertThat(row("plan_bad", "n2", 1, "eu")).isEqualTo("b|1");
        assertThat(row("plan_bad", "n3", 30, "eu")).isEqualTo("extra|null");
    }

    @Test
    void theHtmlDiffReportOffersAStarterPlanThatRunsOnceGivenItsActions(@TempDir Path dir) throws IOException {
        cluster.sql("DROP TABLE IF EXISTS public.plan_start; CREATE TABLE public.plan_start (region text, id int, v text, n int, PRIMARY KEY (region, id));"
                + " INSERT INTO public.plan_start VALUES ('eu', 1, 'a \"quoted\"', 1), ('us', 2, 'b', 2)", NODES);
        cluster.sql("UPDATE public.plan_start SET v = 'changed' WHERE id = 1; DELETE FROM public.plan_start WHERE id = 2", "n2");
        Ace.Result diff = ace.run("table-diff", "local", "public.plan_start", "--nodes", "n1,n2", "--output", "html", "--output-dir", dir.toString());
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        String html = Files.readString(only(dir, ".html"));
        String pre = html.substring(html.indexOf("<pre>", html.indexOf("id=\"starter-plan\"")) + 5, html.indexOf("</pre>", html.indexOf("id=\"starter-plan\"")));
        String starter = pre.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        assertThat(starter).contains("- key: {\"region\": \"eu\", \"id\": \"1\"}").contains("n1/n2 changed")
                .contains("- key: {\"region\": \"us\", \"id\": \"2\"}").contains("only on n1");
        // the reader decides: eu/1 keeps n1's row, us/2 stays as it is (skip)
        Path plan = Files.writeString(dir.resolve("starter.yaml"), starter.replaceFirst("action: skip", "action: {keep: n1}"));
        Ace.Result repair = ace.run("table-repair", "local", "public.plan_start", "--diff-file", diff.diffFile().toString(),
                "--repair-plan", plan.toString());
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(1);
        assertThat(row("plan_start", "n2", 1, "eu")).isEqualTo("a \"quoted\"|1");
        assertThat(row("plan_start", "n2", 2, "us")).isEqualTo("missing");
    }

    private static Path only(Path dir, String part) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(part)).findFirst().orElseThrow();
        }
    }

    private static String row(String node, int id, String region) {
        return row("plan_t", node, id, region);
    }

    private static String row(String table, String node, int id, String region) {
        try (var c = cluster.connect(node); var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT v || '|' || coalesce(n::text, 'null') FROM public." + table + " WHERE region = '" + region + "' AND id = " + id)) {
            return rs.next() ? rs.getString(1) : "missing";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
