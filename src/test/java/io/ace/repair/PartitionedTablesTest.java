package io.ace.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables partitioned by range and by hash, with rows moved between partitions on one node and a
 * third node partitioned otherwise: the diff finds the moved rows, the repair puts each row in the
 * partition that holds it on its node, and a re-run finds nothing.
 */
@OnCluster
class PartitionedTablesTest {

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
        cluster.sql("DROP TABLE IF EXISTS public.part_r, public.part_h", "n1", "n2", "n3");
        String rows = "INSERT INTO public.part_r SELECT g, DATE '2026-01-01' + (g % 80), 'v' || g FROM generate_series(1, 300) g;"
                + " INSERT INTO public.part_h SELECT g, 'v' || g FROM generate_series(1, 300) g";
        String byRange = "CREATE TABLE public.part_r (id int, day date, v text, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);"
                + " CREATE TABLE public.part_r_jan PARTITION OF public.part_r FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');"
                + " CREATE TABLE public.part_r_feb PARTITION OF public.part_r FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');"
                + " CREATE TABLE public.part_r_mar PARTITION OF public.part_r FOR VALUES FROM ('2026-03-01') TO ('2026-05-01');";
        String byHash = "CREATE TABLE public.part_h (id int PRIMARY KEY, v text) PARTITION BY HASH (id);"
                + " CREATE TABLE public.part_h_0 PARTITION OF public.part_h FOR VALUES WITH (MODULUS 2, REMAINDER 0);"
                + " CREATE TABLE public.part_h_1 PARTITION OF public.part_h FOR VALUES WITH (MODULUS 2, REMAINDER 1);";
        cluster.sql(byRange + byHash + rows, "n1", "n2");
        // n3 partitions the same table by hash of its id instead, and the other one not at all
        cluster.sql("CREATE TABLE public.part_r (id int, day date, v text, PRIMARY KEY (id, day)) PARTITION BY HASH (id);"
                + " CREATE TABLE public.part_r_h0 PARTITION OF public.part_r FOR VALUES WITH (MODULUS 3, REMAINDER 0);"
                + " CREATE TABLE public.part_r_h1 PARTITION OF public.part_r FOR VALUES WITH (MODULUS 3, REMAINDER 1);"
                + " CREATE TABLE public.part_r_h2 PARTITION OF public.part_r FOR VALUES WITH (MODULUS 3, REMAINDER 2);"
                + " CREATE TABLE public.part_h (id int PRIMARY KEY, v text);" + rows, "n3");
    }

    @Test
    void rowsMovedBetweenPartitionsAreFoundAndPutBackWhereTheyBelong() {
        // on n2: rows moved to another month's partition (their key changes with the day), and to another hash partition
        cluster.sql("UPDATE public.part_r SET day = day + 31 WHERE id IN (5, 6, 7); UPDATE public.part_r SET v = 'changed' WHERE id = 8;"
                + " UPDATE public.part_h SET id = id + 1001 WHERE id IN (10, 11); UPDATE public.part_h SET v = 'changed' WHERE id = 12", "n2");
        assertThat(placement("n2", "part_r", "id = 5")).isNotEqualTo(placement("n1", "part_r", "id = 5"));

        for (String table : new String[] {"part_r", "part_h"}) {
            Ace.Result diff = ace.run("table-diff", "local", "public." + table, "--nodes", "n1,n2,n3");
            assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
            assertThat(diff.diff().path("diffs").has("n1/n3")).as("n3's other partitioning holds the same rows").isFalse();
            diff.diff().path("diffs").path("n1/n2").path("rows").path("n1").forEach(row ->
                    assertThat(row.path("_ace_metadata_").path("relation").asString()).as("the diff file says where a row lives").startsWith("public." + table + "_"));
            Ace.Result repair = ace.run("table-repair", "local", "public." + table, "--diff-file", diff.diffFile().toString(),
                    "--source-of-truth", "n1");
            assertThat(repair.exitCode()).as(repair.toString()).isZero();
            assertThat(ace.run("table-rerun", "local", "public." + table, "--diff-file", diff.diffFile().toString()).exitCode()).isZero();
            assertThat(placement("n2", table, "true")).as("every row of %s in the partition that holds it on n1", table)
                    .isEqualTo(placement("n1", table, "true"));
        }
        assertThat(ace.run("table-diff", "local", "public.part_r", "--nodes", "n1,n2,n3").exitCode()).isZero();
    }

    @Test
    void aRowMissingUnderAnInheritanceParentIsInsertedIntoTheChildThatHoldsItOnTheSource() {
        cluster.sql("DROP TABLE IF EXISTS public.inh_p CASCADE; CREATE TABLE public.inh_p (id int PRIMARY KEY, v text);"
                + " CREATE TABLE public.inh_c1 (PRIMARY KEY (id)) INHERITS (public.inh_p); CREATE TABLE public.inh_c2 () INHERITS (public.inh_p);"
                + " INSERT INTO public.inh_p SELECT g, 'parent' FROM generate_series(1, 10) g;"
                + " INSERT INTO public.inh_c1 SELECT g, 'c1' FROM generate_series(11, 20) g;"
                + " INSERT INTO public.inh_c2 SELECT g, 'c2' FROM generate_series(21, 30) g", "n1", "n2");
        cluster.sql("DELETE FROM public.inh_p WHERE id IN (5, 15, 25); UPDATE public.inh_p SET v = 'changed' WHERE id IN (6, 16, 26)", "n2");
        Ace.Result diff = ace.run("table-diff", "local", "public.inh_p", "--nodes", "n1,n2");
        assertThat(diff.diffKeys("id")).containsExactlyInAnyOrder("5", "15", "25", "6", "16", "26");
        Ace.Result repair = ace.run("table-repair", "local", "public.inh_p", "--diff-file", diff.diffFile().toString(), "--source-of-truth", "n1");
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("n2 inserted 3, updated 3, deleted 0");
        assertThat(placement("n2", "inh_p", "true")).as("each row in the relation that holds it on n1").isEqualTo(placement("n1", "inh_p", "true"));
    }

    @Test
    void aRepairPlanInsertsUnderAnInheritanceParentIntoTheChildThatHoldsTheRow(@TempDir Path dir) throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.inh_plan CASCADE; CREATE TABLE public.inh_plan (id int PRIMARY KEY, v text);"
                + " CREATE TABLE public.inh_plan_c (PRIMARY KEY (id)) INHERITS (public.inh_plan);"
                + " INSERT INTO public.inh_plan SELECT g, 'parent' FROM generate_series(1, 10) g;"
                + " INSERT INTO public.inh_plan_c SELECT g, 'child' FROM generate_series(11, 20) g", "n1", "n2");
        cluster.sql("DELETE FROM public.inh_plan WHERE id IN (5, 15)", "n2");
        Ace.Result diff = ace.run("table-diff", "local", "public.inh_plan", "--nodes", "n1,n2");
        assertThat(diff.diffKeys("id")).containsExactlyInAnyOrder("5", "15");
        Path plan = Files.writeString(dir.resolve("plan.yaml"), """
                version: 1
                default: skip
                rules:
                  - name: missing on n2
                    when: {kind: missing, node: n2}
                    action: {apply_from: n1, mode: insert}
                """);
        Ace.Result repair = ace.run("table-repair", "local", "public.inh_plan", "--diff-file", diff.diffFile().toString(),
                "--repair-plan", plan.toString());
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(placement("n2", "inh_plan", "true")).as("row 15 in the child, as on n1; row 5 in the parent")
                .isEqualTo(placement("n1", "inh_plan", "true"));
    }

    /** Each matching row with the partition that holds it, as one text. */
    private static String placement(String node, String table, String where) {
        try (var c = cluster.connect(node); var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT string_agg(tableoid::regclass::text || ':' || t::text, ',' ORDER BY t::text) FROM public." + table + " t WHERE " + where)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
