package io.ace.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.batch.RunQueries;
import io.ace.difffile.Sha256;
import io.ace.report.archive.ReportArchive;
import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A repair reads a diff file only while it is the file recorded for it, and writes only what the
 * node it repairs from has now: a forged diff file changes nothing.
 */
@OnCluster
class RepairDiffFileTrustTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
    }

    /** A table whose n2 differs from n1 in one row, and the diff of it. */
    private static Ace.Result differingTable(String table) {
        cluster.sql("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id int PRIMARY KEY, v text);"
                + "INSERT INTO " + table + " SELECT g, 'v' || g FROM generate_series(1, 20) g", "n1", "n2");
        cluster.sql("UPDATE " + table + " SET v = 'old' WHERE id = 3", "n2");
        Ace.Result diff = ace.run("table-diff", "local", table, "--nodes", "n1,n2");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        return diff;
    }

    /** Adds to n1's side of the diff file a row n1 never had, which a repair from n1 would insert on n2. */
    private static void forgeRow(Path diffFile) throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(Files.readString(diffFile));
        ((ArrayNode) json.get("diffs").get("n1/n2").get("rows").get("n1")).addObject().put("id", 999).put("v", "forged");
        Files.writeString(diffFile, MAPPER.writeValueAsString(json));
    }

    private static long forgedRowsOnN2(String table) {
        return cluster.count("n2", "SELECT count(*) FROM " + table + " WHERE id = 999");
    }

    @Test
    void aRowAddedToTheDiffFileOfAnExecutionIsRefusedBeforeAnyChange() throws Exception {
        Ace.Result diff = differingTable("public.tfrom");
        long execution = diff.diff().get("summary").get("job_execution_id").asLong();
        String written = Sha256.of(diff.diffFile());
        forgeRow(diff.diffFile());
        String forged = Sha256.of(diff.diffFile());

        Ace.Result repair = ace.run("table-repair", "local", "public.tfrom", "--from-execution", Long.toString(execution),
                "--source-of-truth", "n1");
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(64);
        assertThat(repair.err()).contains("diff file " + diff.diffFile()).contains(written.substring(0, 12))
                .contains(forged.substring(0, 12));
        assertThat(forgedRowsOnN2("public.tfrom")).isZero();
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.tfrom WHERE v = 'old'")).as("nothing repaired").isEqualTo(1);

        // whoever can write the archive too cannot make the file pass: the job repository's digest still disagrees
        ReportArchive archive = ace.context().getBean(ReportArchive.class);
        Path manifest = archive.root().resolve(archive.entry(execution).orElseThrow().path()).resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(written, forged));
        Ace.Result again = ace.run("table-repair", "local", "public.tfrom", "--from-execution", Long.toString(execution),
                "--source-of-truth", "n1");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(64);
        assertThat(again.err()).contains("archive manifest").contains("altered");
        assertThat(forgedRowsOnN2("public.tfrom")).isZero();
    }

    @Test
    void jobsRestartOfARepairRefusesTheDiffFileEditedSinceItsFirstLaunch() throws Exception {
        Ace.Result diff = differingTable("public.trestart");
        // the first launch fails on n2 (a constraint rejects the repaired value) and rolls back
        cluster.sql("ALTER TABLE public.trestart ADD CONSTRAINT no_v3 CHECK (v <> 'v3')", "n2");
        Ace.Result failed = ace.run("table-repair", "local", "public.trestart", "--diff-file", diff.diffFile().toString(),
                "--source-of-truth", "n1", "--run-key", "restart-edited");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
        long execution = ace.context().getBean(RunQueries.class).find(RunQueries.Filter.all(), 0, 1).runs().get(0).id();
        cluster.sql("ALTER TABLE public.trestart DROP CONSTRAINT no_v3", "n2");

        Path original = Files.copy(diff.diffFile(), diff.diffFile().resolveSibling("trestart-original.json"), StandardCopyOption.REPLACE_EXISTING);
        forgeRow(diff.diffFile());
        Ace.Result restarted = ace.run("jobs", "restart", Long.toString(execution));
        assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(64);
        assertThat(restarted.err()).contains("diff file " + diff.diffFile()).contains(Sha256.of(original).substring(0, 12))
                .contains(Sha256.of(diff.diffFile()).substring(0, 12));
        assertThat(forgedRowsOnN2("public.trestart")).isZero();
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.trestart WHERE v = 'old'")).as("nothing repaired").isEqualTo(1);

        // the file as first launched resumes the run
        Files.copy(original, diff.diffFile(), StandardCopyOption.REPLACE_EXISTING);
        Ace.Result resumed = ace.run("jobs", "restart", Long.toString(execution));
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.trestart WHERE id = 3 AND v = 'v3'")).isEqualTo(1);
    }

    /** The diff file as JSON, edited, written back. */
    private static void edit(Path diffFile, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(Files.readString(diffFile));
        edit.accept(json);
        Files.writeString(diffFile, MAPPER.writeValueAsString(json));
    }

    /** The rows list of {@code node} in pair n1/n2. */
    private static ArrayNode rows(ObjectNode json, String node) {
        return (ArrayNode) json.get("diffs").get("n1/n2").get("rows").get(node);
    }

    @Test
    void aForgedDiffFileFirstNamedOnTheCommandLineWritesOnlyWhatTheSourceHasNow() throws Exception {
        Ace.Result diff = differingTable("public.tforge");
        edit(diff.diffFile(), json -> {
            // a row the source never had, a value the source never had, and a row the file says the source lacks
            rows(json, "n1").addObject().put("id", 999).put("v", "forged");
            ((ObjectNode) rows(json, "n1").get(0)).put("v", "forged value");
            rows(json, "n2").addObject().put("id", 5).put("v", "v5");
        });
        Ace.Result repair = ace.run("table-repair", "local", "public.tforge", "--diff-file", diff.diffFile().toString(),
                "--source-of-truth", "n1");
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(1);
        assertThat(repair.out()).contains("n2 inserted 0, updated 0, deleted 0, stale 3");
        assertThat(forgedRowsOnN2("public.tforge")).isZero();
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.tforge WHERE v LIKE 'forged%'")).isZero();
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.tforge WHERE id = 5")).as("not deleted").isEqualTo(1);
    }

    @Test
    void aRowChangedOnTheSourceSinceTheDiffIsStaleAndTheOthersAreWrittenAsTheSourceHasThem() throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.tmoved; CREATE TABLE public.tmoved (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.tmoved SELECT g, 'v' || g FROM generate_series(1, 20) g", "n1", "n2");
        cluster.sql("UPDATE public.tmoved SET v = 'old' WHERE id IN (3, 4); DELETE FROM public.tmoved WHERE id = 6", "n2");
        Ace.Result diff = ace.run("table-diff", "local", "public.tmoved", "--nodes", "n1,n2");
        cluster.sql("UPDATE public.tmoved SET v = 'changed on the source' WHERE id = 4; DELETE FROM public.tmoved WHERE id = 6", "n1");
        Ace.Result repair = ace.run("table-repair", "local", "public.tmoved", "--diff-file", diff.diffFile().toString(),
                "--source-of-truth", "n1");
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(1);
        assertThat(repair.out()).contains("n2 inserted 0, updated 1, deleted 0, stale 2");
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.tmoved WHERE id = 3 AND v = 'v3'")).isEqualTo(1);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.tmoved WHERE id = 4 AND v = 'old'")).isEqualTo(1);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.tmoved WHERE id = 6")).isZero();
    }

    @Test
    void bidirectionalAndFixNullsWriteOnlyWhatTheOtherNodeHasNow() throws Exception {
        String setup = "DROP TABLE IF EXISTS public.tboth; CREATE TABLE public.tboth (id int PRIMARY KEY, a text, b text);"
                + "INSERT INTO public.tboth SELECT g, 'a' || g, 'b' || g FROM generate_series(1, 20) g";
        cluster.sql(setup, "n1", "n2");
        cluster.sql("INSERT INTO public.tboth VALUES (101, 'only n1', 'x')", "n1");
        Path bidi = ace.run("table-diff", "local", "public.tboth", "--nodes", "n1,n2").diffFile();
        edit(bidi, json -> rows(json, "n1").addObject().put("id", 998).put("a", "forged").put("b", "forged"));
        Ace.Result both = ace.run("table-repair", "local", "public.tboth", "--diff-file", bidi.toString(), "--bidirectional");
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(1);
        assertThat(both.out()).contains("n2 inserted 1, updated 0, deleted 0, stale 1");
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.tboth WHERE id = 101 AND a = 'only n1'")).isEqualTo(1);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.tboth WHERE id = 998")).isZero();

        cluster.sql(setup, "n1", "n2");
        cluster.sql("UPDATE public.tboth SET a = NULL WHERE id = 3", "n1");
        cluster.sql("UPDATE public.tboth SET b = NULL WHERE id = 3", "n2");
        Path nulls = ace.run("table-diff", "local", "public.tboth", "--nodes", "n1,n2").diffFile();
        edit(nulls, json -> ((ObjectNode) rows(json, "n1").get(0)).put("b", "forged"));
        Ace.Result fix = ace.run("table-repair", "local", "public.tboth", "--diff-file", nulls.toString(), "--fix-nulls");
        assertThat(fix.exitCode()).as(fix.toString()).isEqualTo(1);
        // n2 would be filled from n1's forged value; n1's own row is not as the file recorded it
        assertThat(fix.out()).contains("n1 inserted 0, updated 0, deleted 0, stale 1").contains("n2 inserted 0, updated 0, deleted 0, stale 1");
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.tboth WHERE id = 3 AND b IS NULL")).isEqualTo(1);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.tboth WHERE b = 'forged'")).isZero();
    }
}
