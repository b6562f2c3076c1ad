package io.ace.operation.repsetdiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.batch.PlanCodec;
import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.JsonNode;

/**
 * repset-diff on a real three-node pglogical mesh: a replication set of several tables, each in
 * another state. The set is not subscribed to, so every node's rows are written on that node alone.
 */
@OnCluster(OnCluster.Kind.PGLOGICAL)
class RepsetDiffOnMeshTest {

    static LocalCluster mesh;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        mesh = localCluster;
        ace = classAce;
        dropAll();
        mesh.sql("SELECT pglogical.create_replication_set('rs_app')");
        for (String t : new String[] {"rs_diverged", "rs_twonodes"}) {
            mesh.sql("CREATE TABLE public." + t + " (id int PRIMARY KEY, v text);"
                    + "INSERT INTO public." + t + " SELECT g, 'v' || g FROM generate_series(1, 200) g");
        }
        mesh.sql("CREATE TABLE public.rs_nopk (id int CONSTRAINT rs_nopk_key PRIMARY KEY, v text); INSERT INTO public.rs_nopk VALUES (1, 'a')");
        mesh.sql("CREATE TABLE public.rs_missing (id int PRIMARY KEY, v text)", "n1", "n2");
        mesh.sql("CREATE TABLE public.rs_filtered (id int PRIMARY KEY, region text, v text);"
                + "INSERT INTO public.rs_filtered SELECT g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, 'v' FROM generate_series(1, 100) g");
        mesh.sql("CREATE TABLE public.rs_columns (id int PRIMARY KEY, a text, b text);"
                + "INSERT INTO public.rs_columns SELECT g, 'a', 'b' FROM generate_series(1, 50) g");
        for (String t : new String[] {"rs_diverged", "rs_nopk", "rs_missing"}) {
            mesh.sql("SELECT pglogical.replication_set_add_table('rs_app', 'public." + t + "'::regclass)", t.equals("rs_missing") ? new String[] {"n1", "n2"} : new String[0]);
        }
        mesh.sql("SELECT pglogical.replication_set_add_table('rs_app', 'public.rs_twonodes'::regclass)", "n1", "n2");
        mesh.sql("SELECT pglogical.replication_set_add_table('rs_app', 'public.rs_filtered'::regclass, row_filter := 'region = ''eu''')");
        mesh.sql("SELECT pglogical.replication_set_add_table('rs_app', 'public.rs_columns'::regclass, columns := '{id,a}')");
        // a table without a primary key can only be in a set that replicates updates if the key went away afterwards;
        // an unlogged one only if it became unlogged afterwards
        mesh.sql("ALTER TABLE public.rs_nopk DROP CONSTRAINT rs_nopk_key");
        mesh.sql("CREATE TABLE public.rs_unlogged (id int PRIMARY KEY); SELECT pglogical.replication_set_add_table('rs_app', 'public.rs_unlogged'::regclass);"
                + "ALTER TABLE public.rs_unlogged SET UNLOGGED");

        mesh.sql("UPDATE public.rs_diverged SET v = 'changed' WHERE id IN (3, 4, 5); DELETE FROM public.rs_diverged WHERE id = 6", "n2");
        mesh.sql("UPDATE public.rs_filtered SET v = 'us-only change' WHERE region = 'us'", "n3");
        mesh.sql("UPDATE public.rs_columns SET b = 'not replicated' WHERE id = 1", "n2");
        mesh.sql("UPDATE public.rs_columns SET a = 'replicated' WHERE id = 2", "n3");
    }

    @AfterAll
    static void dropAll() {
        mesh.sql("SELECT pglogical.drop_replication_set('rs_app') WHERE EXISTS (SELECT 1 FROM pglogical.replication_set WHERE set_name = 'rs_app');"
                + "DROP TABLE IF EXISTS public.rs_diverged, public.rs_twonodes, public.rs_nopk, public.rs_missing, public.rs_filtered,"
                + " public.rs_columns, public.rs_unlogged");
    }

    static Map<String, JsonNode> byTable(JsonNode summary) {
        Map<String, JsonNode> tables = new HashMap<>();
        summary.path("tables").forEach(t -> tables.put(t.path("table").asString(), t));
        return tables;
    }

    @Test
    void everyTableOfTheSetHasItsLine() throws Exception {
        Ace.Result run = ace.run("repset-diff", "local", "rs_app", "--block-size", "50", "--output", "html");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode summary = Ace.summary(run);
        Map<String, JsonNode> tables = byTable(summary);
        assertThat(tables).containsOnlyKeys("public.rs_diverged", "public.rs_twonodes", "public.rs_nopk", "public.rs_missing",
                "public.rs_filtered", "public.rs_columns", "public.rs_unlogged");
        assertThat(tables.get("public.rs_unlogged").path("status").asString()).isEqualTo("not replicated");
        assertThat(tables.get("public.rs_unlogged").path("detail").asString()).startsWith("unlogged on node n1");

        JsonNode diverged = tables.get("public.rs_diverged");
        assertThat(diverged.path("status").asString()).isEqualTo("differed");
        assertThat(diverged.path("diff_rows_count").path("n1/n2").asInt()).isEqualTo(4);
        assertThat(diverged.path("diff_rows_count").path("n2/n3").asInt()).isEqualTo(4);
        Path diffFile = ace.outputDir().resolve(diverged.path("diff_file").asString());
        assertThat(diffFile).exists();

        assertThat(tables.get("public.rs_nopk").path("status").asString()).as("a table without a key is compared as a multiset of its rows")
                .isEqualTo("identical");
        assertThat(tables.get("public.rs_missing").path("status").asString()).isEqualTo("missing");
        assertThat(tables.get("public.rs_missing").path("detail").asString()).isEqualTo("missing on n3");
        assertThat(tables.get("public.rs_twonodes").path("status").asString()).isEqualTo("identical");
        assertThat(tables.get("public.rs_twonodes").path("note").asString()).contains("in the set on n1, n2 but not on n3");
        assertThat(tables.get("public.rs_filtered").path("status").asString()).as("rows the filter keeps off are no differences")
                .isEqualTo("identical");
        JsonNode columns = tables.get("public.rs_columns");
        assertThat(columns.path("status").asString()).isEqualTo("differed");
        assertThat(columns.path("diff_rows_count").path("n1/n3").asInt()).as("only the listed column a counts").isEqualTo(1);
        assertThat(columns.path("diff_rows_count").has("n1/n2")).isFalse();

        assertThat(summary.path("summary").path("node_replication").path("n1").asString()).startsWith("pglogical node n1");
        assertThat(run.out()).contains("public.rs_diverged: differed (n1/n2: 4, n2/n3: 4)").contains("public.rs_missing: missing (missing on n3)");
        Path html = ace.outputDir().resolve(run.out().lines().filter(l -> l.startsWith("report: ")).findFirst().orElseThrow().substring(8));
        assertThat(Files.readString(html)).contains("rs_diverged").contains("differed").contains(diffFile.getFileName().toString());

        // the diff file of a differing table is table-diff's own: table-repair takes it
        Ace.Result repair = ace.run("table-repair", "local", "public.rs_diverged", "--diff-file", diffFile.toString(), "--source-of-truth",
                "n1", "--dry-run", "--output-dir", ace.outputDir().toString());
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(1);
        // named by the execution that wrote it, among the diff files of every table that differed
        long execution = summary.path("summary").path("job_execution_id").asLong();
        Ace.Result rerun = ace.run("table-rerun", "local", "public.rs_columns", "--from-execution", Long.toString(execution),
                "--output-dir", ace.outputDir().toString());
        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(1);
        assertThat(rerun.out()).contains("rs_columns");
        // a column list's diff file carries and repairs only those columns: column b, which the set does not replicate, stays as it is
        Ace.Result columnsRepair = ace.run("table-repair", "local", "public.rs_columns", "--from-execution", Long.toString(execution),
                "--source-of-truth", "n1", "--output-dir", ace.outputDir().toString());
        assertThat(columnsRepair.exitCode()).as(columnsRepair.toString()).isEqualTo(0);
        assertThat(mesh.count("n3", "SELECT count(*) FROM public.rs_columns WHERE id = 2 AND a = 'a'")).isEqualTo(1);
        assertThat(mesh.count("n2", "SELECT count(*) FROM public.rs_columns WHERE id = 1 AND b = 'not replicated'")).isEqualTo(1);
        assertThat(repair.out()).contains("n2");
    }

    @Test
    void aTableThatFailedIsComparedAgainAloneAndResumesInsideItsBlocks(@TempDir Path home) {
        String[] command = {"repset-diff", "local", "rs_app", "--block-size", "50", "--run-key", "nightly-sets", "--concurrency-factor", "1"};
        Ace.Result failed;
        try (Ace failing = new Ace(mesh.serviceFile(), home, "ace.testing.fail-before-block=2", "ace.testing.fail-in-table=public.rs_diverged")) {
            failed = failing.run(command);
        }
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
        assertThat(failed.err()).contains("public.rs_diverged: error (comparing public.rs_diverged failed: failure injected before block 2")
                .contains("public.rs_columns: differed (n1/n3: 1, n2/n3: 1)").contains("public.rs_twonodes: identical")
                .contains("launch the same command with --run-key nightly-sets to resume it");

        try (Ace again = new Ace(mesh.serviceFile(), home)) {
            // restarted as the recorded request of the failed execution
            Ace.Result resumed = again.run("jobs", "restart", Long.toString(Ace.summary(failed).path("summary").path("job_execution_id").asLong()));
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
            assertThat(byTable(Ace.summary(resumed)).get("public.rs_diverged").path("diff_rows_count").path("n1/n2").asInt()).isEqualTo(4);
            assertThat(resumed.out()).contains("public.rs_columns: differed (n1/n3: 1, n2/n3: 1)");

            JobRepository repository = again.context().getBean(JobRepository.class);
            JobInstance instance = repository.getJobInstances("repset-diff", 0, 10).stream()
                    .filter(i -> repository.getJobExecutions(i).stream().anyMatch(e -> "nightly-sets".equals(e.getJobParameters().getString("run_key"))))
                    .findFirst().orElseThrow();
            JobExecution second = repository.getJobExecutions(instance).stream().max(Comparator.comparingLong(JobExecution::getId)).orElseThrow();
            List<StepExecution> tables = second.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("compare-table:")).toList();
            assertThat(tables).as("only the table that failed is compared again").hasSize(1);
            StepExecution table = tables.get(0);
            assertThat(table.getExecutionContext().getString("ace.table")).isEqualTo("public.rs_diverged");
            int blocks = PlanCodec.decode(table.getExecutionContext().getString("ace.table.plan")).blockCount();
            assertThat(blocks).isGreaterThan(2);
            assertThat(table.getReadCount()).as("blocks 0 and 1 were committed before the failure").isEqualTo(blocks - 2);

            assertThat(again.run(command).exitCode()).isEqualTo(4);
        }
    }

    @Test
    void aSetNoNodeDefinesIsAConfigurationErrorListingTheSetsThereAre() {
        Ace.Result run = ace.run("repset-diff", "local", "no_such_set");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(78);
        assertThat(run.err()).contains("replication set 'no_such_set' is defined on no node of cluster local")
                .contains("n1 (pglogical): ddl_sql, default, default_insert_only").contains("n3 (pglogical): ");
        assertThat(ace.outputFiles()).noneMatch(f -> f.getFileName().toString().startsWith("no_such_set"));
    }
}
