package io.ace.difffile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A diff file that cannot drive a repair or rerun is refused before any work, naming where in the file. */
class DiffFileCheckTest {

    static LocalCluster cluster;
    static Ace ace;
    static Path diffFile;
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    @BeforeAll
    static void setUp(@TempDir Path home) {
        cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.dfc; CREATE TABLE public.dfc (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.dfc SELECT g, 'v' FROM generate_series(1, 100) g", "n1", "n2");
        cluster.sql("UPDATE public.dfc SET v = 'w' WHERE id IN (3, 5, 7)", "n2");
        ace = new Ace(cluster.serviceFile(), home);
        Ace.Result diff = ace.run("table-diff", "local", "public.dfc", "--nodes", "n1,n2");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        diffFile = diff.diffFile();
    }

    @AfterAll
    static void tearDown() {
        ace.close();
    }

    private static Path edited(Path dir, String name, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(Files.readString(diffFile));
        edit.accept(json);
        Path file = dir.resolve(name);
        Files.writeString(file, MAPPER.writeValueAsString(json));
        return file;
    }

    /** The diff file with node n2 called otherwise in its pair and rows (its summary still says n1, n2). */
    private static Path withN2RenamedTo(Path dir, String node) throws Exception {
        return edited(dir, node + ".json", json -> {
            ObjectNode diffs = (ObjectNode) json.get("diffs");
            ObjectNode pair = (ObjectNode) diffs.remove("n1/n2");
            ObjectNode rows = (ObjectNode) pair.get("rows");
            rows.set(node, rows.remove("n2"));
            diffs.set("n1/" + node, pair);
        });
    }

    private static void assertNothingChanged() {
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.dfc WHERE v = 'w'")).isEqualTo(3);
    }

    @Test
    void aKeyThatIsNotValidForItsColumnExits64NamingFileRowAndColumn(@TempDir Path dir) throws Exception {
        Path file = edited(dir, "bad-key.json", json ->
                ((ObjectNode) ((ArrayNode) json.get("diffs").get("n1/n2").get("rows").get("n2")).get(1)).put("id", "five"));
        for (String command : new String[] {"table-repair", "table-rerun"}) {
            Ace.Result r = command.equals("table-repair")
                    ? ace.run(command, "local", "public.dfc", "--diff-file", file.toString(), "--source-of-truth", "n1")
                    : ace.run(command, "local", "public.dfc", "--diff-file", file.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
            assertThat(r.err()).contains("diff file " + file + ": row 2 of node n2 in pair n1/n2: its id is not a valid integer;")
                    .contains("whole?: \"five\"");
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertNothingChanged();
    }

    @Test
    void aNonKeyValueThatIsNotValidForItsColumnExits64NamingFileRowAndColumn(@TempDir Path dir) throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.dfv; CREATE TABLE public.dfv (id int PRIMARY KEY, n int, ts timestamp);"
                + "INSERT INTO public.dfv SELECT g, g, '2025-01-01' FROM generate_series(1, 10) g", "n1", "n2");
        cluster.sql("UPDATE public.dfv SET n = -n WHERE id IN (2, 4)", "n2");
        Path valid = ace.run("table-diff", "local", "public.dfv", "--nodes", "n1,n2").diffFile();
        String[][] cases = {{"n", "abc", "integer"}, {"ts", "2025-13-45 25:61:00", "timestamp without time zone"}};
        for (String[] c : cases) {
            ObjectNode json = (ObjectNode) MAPPER.readTree(Files.readString(valid));
            ((ObjectNode) ((ArrayNode) json.get("diffs").get("n1/n2").get("rows").get("n2")).get(1)).put(c[0], c[1]);
            Path file = Files.writeString(dir.resolve("bad-" + c[0] + ".json"), MAPPER.writeValueAsString(json));
            Ace.Result r = ace.run("table-repair", "local", "public.dfv", "--diff-file", file.toString(), "--source-of-truth", "n1");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
            assertThat(r.err()).contains("diff file " + file + ": row 2 of node n2 in pair n1/n2: its " + c[0] + " is not a valid " + c[2] + ";")
                    .doesNotContain("\tat ");
        }
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.dfv WHERE n < 0")).as("nothing repaired").isEqualTo(2);
    }

    @Test
    void aPairWithANodeTheClusterDoesNotDefineExits78NamingIt(@TempDir Path dir) throws Exception {
        Path file = withN2RenamedTo(dir, "n9");
        Ace.Result r = ace.run("table-repair", "local", "public.dfc", "--diff-file", file.toString(), "--source-of-truth", "n1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(78);
        assertThat(r.err()).contains("diff file " + file + " names node 'n9' (pair n1/n9), which is not defined in cluster 'local'");
        assertNothingChanged();
    }

    @Test
    void aPairWithANodeItsSummaryDoesNotListExits64(@TempDir Path dir) throws Exception {
        Path file = withN2RenamedTo(dir, "n3");
        Ace.Result r = ace.run("table-repair", "local", "public.dfc", "--diff-file", file.toString(), "--source-of-truth", "n1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
        assertThat(r.err()).contains("names node 'n3' in pair n1/n3, which its summary.nodes (n1, n2) does not list");
        assertNothingChanged();
    }
}
