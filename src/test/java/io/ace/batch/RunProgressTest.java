package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the read model says of a run's progress, on real nodes: each operation's partitioned step
 * reports its work in its own unit (table-diff blocks, repset-diff and schema-diff tables,
 * table-repair nodes, mtree build leaves), committed as it goes, and a run's progress is their sum.
 */
@OnCluster
class RunProgressTest {

    static LocalCluster cluster;
    static Ace ace;
    static RunQueries queries;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
        queries = ace.context().getBean(RunQueries.class);
        cluster.sql("""
                DROP TABLE IF EXISTS public.prog_t, public.prog_big; DROP PUBLICATION IF EXISTS prog_set; DROP SCHEMA IF EXISTS prog CASCADE;
                CREATE TABLE public.prog_t (id int PRIMARY KEY, v text);
                INSERT INTO public.prog_t SELECT g, md5(g::text) FROM generate_series(1, 2000) g;
                CREATE TABLE public.prog_big (id int PRIMARY KEY, v text);
                INSERT INTO public.prog_big SELECT g, md5(g::text) FROM generate_series(1, 100000) g;
                CREATE SCHEMA prog;
                CREATE TABLE prog.a (id int PRIMARY KEY, v text); INSERT INTO prog.a SELECT g, 'a' FROM generate_series(1, 300) g;
                CREATE TABLE prog.b (id int PRIMARY KEY, v text); INSERT INTO prog.b SELECT g, 'b' FROM generate_series(1, 300) g;
                CREATE TABLE prog.c (id int PRIMARY KEY, v text); INSERT INTO prog.c SELECT g, 'c' FROM generate_series(1, 300) g;
                CREATE PUBLICATION prog_set FOR TABLES IN SCHEMA prog;
                ANALYZE;
                """, "n1", "n2");
        cluster.sql("UPDATE public.prog_t SET v = 'n2' WHERE id % 100 = 0; UPDATE prog.b SET v = 'n2' WHERE id < 4", "n2");
    }

    @Test
    void aTableDiffCommitsItsBlocksAsItGoesAndItsRepairCountsTheNodes() throws Exception {
        // one block per hashing statement, so blocks commit one at a time and the run is seen part-way
        CompletableFuture<Ace.Result> running = CompletableFuture.supplyAsync(() -> ace.run("table-diff", "local", "public.prog_big",
                "--nodes", "n1,n2", "--block-size", "250", "--target-query-time", "0.000001"));
        StepProgress partWay = await("the table-diff part-way").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    assertThat(running).as("the run ended before it was seen part-way").isNotDone();
                    return queries.running(0).stream().filter(v -> v.target().equals("public.prog_big"))
                            .map(v -> v.work().current()).filter(w -> w != null && w.done() > 0).findFirst().orElse(null);
                }, w -> w != null && w.done() < w.total());
        assertThat(partWay.unit()).isEqualTo(StepProgress.Unit.BLOCKS);
        assertThat(running.get().exitCode()).as(running.get().toString()).isEqualTo(0);
        RunView diff = latest("table-diff");
        assertThat(diff.work().units()).containsExactly(new StepProgress(partWay.total(), partWay.total(), StepProgress.Unit.BLOCKS));
        assertThat(diff.progress()).isEqualTo(1.0);
        List<RunView.StepView> partitions = diff.steps().stream().filter(s -> s.work() != null).toList();
        assertThat(partitions).hasSizeGreaterThan(1).allSatisfy(s -> {
            assertThat(s.name()).startsWith("hash-partition:");
            assertThat(s.work().done()).isEqualTo(s.work().total()).isPositive();
            assertThat(s.progress()).isEqualTo(1.0);
        });
        assertThat(diff.plan().blocks()).isEqualTo(partWay.total());

        Ace.Result differing = ace.run("table-diff", "local", "public.prog_t", "--nodes", "n1,n2", "--block-size", "100");
        assertThat(differing.exitCode()).as(differing.toString()).isEqualTo(1);
        Ace.Result repair = ace.run("table-repair", "local", "public.prog_t", "--diff-file", differing.diffFile().toString(),
                "--source-of-truth", "n1");
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(0);
        assertThat(latest("table-repair").work().units()).containsExactly(new StepProgress(1, 1, StepProgress.Unit.NODES));
    }

    @Test
    void repsetDiffAndSchemaDiffCountTheirTables() {
        Ace.Result set = ace.run("repset-diff", "local", "prog_set", "--nodes", "n1,n2");
        assertThat(set.exitCode()).as(set.toString()).isEqualTo(1);
        RunView setView = latest("repset-diff");
        assertThat(setView.work().units()).containsExactly(new StepProgress(3, 3, StepProgress.Unit.TABLES));
        assertThat(setView.work().text()).isEqualTo("3 of 3 tables");

        Ace.Result schema = ace.run("schema-diff", "local", "prog", "--nodes", "n1,n2");
        assertThat(schema.exitCode()).as(schema.toString()).isEqualTo(1);
        assertThat(latest("schema-diff").work().units()).containsExactly(new StepProgress(3, 3, StepProgress.Unit.TABLES));
    }

    @Test
    void mtreeBuildCountsItsLeaves() {
        expect(0, ace.run("mtree", "init", "local"));
        try {
            expect(0, ace.run("mtree", "build", "local", "public.prog_t", "--nodes", "n1,n2", "--block-size", "100"));
            long leaves = cluster.count("n1", "SELECT count(*) FROM ace_mtree.leaf l JOIN ace_mtree.tracked_table t USING (table_id)"
                    + " WHERE t.table_name = 'prog_t'");
            RunView build = latest("mtree-build");
            assertThat(leaves).isPositive();
            assertThat(build.work().units()).containsExactly(new StepProgress(leaves, leaves, StepProgress.Unit.LEAVES));
            assertThat(build.plan()).as("no comparison plan of its own").isNull();
        } finally {
            expect(0, ace.run("mtree", "teardown", "local"));
        }
    }

    private static void expect(int exitCode, Ace.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
    }

    /** The newest execution of an operation, as the UI and the API read it. */
    private static RunView latest(String operation) {
        long id = queries.find(new RunQueries.Filter(operation, null, null, null, null, null), 0, 1).runs().get(0).id();
        return queries.one(id, 0).orElseThrow();
    }
}
