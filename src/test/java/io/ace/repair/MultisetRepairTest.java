package io.ace.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A table without a key, compared as a multiset of whole rows: table-repair makes every node hold
 * the source's copies of each listed row, leaves a row whose copies moved since the diff alone,
 * refuses what cannot apply to copies, and table-rerun re-counts the listed rows.
 */
@OnCluster
class MultisetRepairTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> NODES = List.of("n1", "n2", "n3");

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
    }

    /** A row of {@code (a int, b text, c numeric, ts timestamptz)}; c and ts as a diff file writes them. */
    record R(Integer a, String b, String c, String ts) {
        String values() {
            return (a == null ? "NULL" : a.toString()) + ", " + literal(b, "text") + ", " + literal(c, "numeric") + ", " + literal(ts, "timestamptz");
        }

        private static String literal(String v, String type) {
            return v == null ? "NULL" : "CAST('" + v.replace("'", "''") + "' AS " + type + ")";
        }

        void into(ObjectNode row) {
            if (a == null) {
                row.putNull("a");
            } else {
                row.put("a", a);
            }
            row.put("b", b);
            row.put("c", c);
            row.put("ts", ts);
        }
    }

    private static final R R1 = new R(1, "x", "1.0", "2025-07-22T12:00:00.123456Z");
    private static final R R2 = new R(2, "y", null, null);
    private static final R R3 = new R(3, "z", "2.50", null);
    private static final R R4 = new R(4, "only n1", "0", null);
    private static final R R5 = new R(5, "", null, null);
    private static final R R5_NULL = new R(5, null, null, null);
    private static final R R6 = new R(6, "extra n2", "7", null);
    private static final R R7 = new R(7, "tab\there \"q\" \\ back'", "3", null);
    private static final R R8 = new R(8, "num", "1.0", null);
    private static final R R8_SCALE = new R(8, "num", "1.00", null);

    /** Each node's copies of each row (beside ten rows every node holds once). */
    private static Map<String, Map<R, Integer>> contents() {
        Map<String, Map<R, Integer>> nodes = new LinkedHashMap<>();
        nodes.put("n1", copies(R1, 3, R2, 1, R3, 1, R4, 2, R5, 1, R7, 1, R8, 1));
        nodes.put("n2", copies(R1, 2, R2, 3, R3, 1, R5_NULL, 1, R6, 2, R8_SCALE, 1));
        nodes.put("n3", copies(R1, 2, R2, 1, R4, 2, R5, 1, R5_NULL, 1, R8, 1));
        return nodes;
    }

    private static Map<R, Integer> copies(Object... rowsAndCounts) {
        Map<R, Integer> copies = new LinkedHashMap<>();
        for (int i = 0; i < rowsAndCounts.length; i += 2) {
            copies.put((R) rowsAndCounts[i], (Integer) rowsAndCounts[i + 1]);
        }
        return copies;
    }

    /** Creates {@code table} without a key on n1..n3 with {@code contents}. */
    private static void create(String table, Map<String, Map<R, Integer>> contents) {
        create(table, "", contents);
    }

    /** The same, the table's definition ending in {@code partitioning} (then more statements may follow). */
    private static void create(String table, String partitioning, Map<String, Map<R, Integer>> contents) {
        String ddl = "DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (a int, b text, c numeric, ts timestamptz)" + partitioning + ";"
                + " INSERT INTO " + table + " SELECT g, 'same', 1, NULL FROM generate_series(100, 109) g";
        cluster.sql(ddl, NODES.toArray(String[]::new));
        contents.forEach((node, rows) -> rows.forEach((row, n) ->
                cluster.sql("INSERT INTO " + table + " SELECT " + row.values() + " FROM generate_series(1, " + n + ")", node)));
    }

    /**
     * The multiset diff file of {@code contents}, as table-diff writes one: per pair, each row whose
     * copies differ, under each node of the pair that holds copies of it, with their number.
     */
    private static Path diffFile(String table, Map<String, Map<R, Integer>> contents) throws Exception {
        ObjectNode file = MAPPER.createObjectNode();
        ObjectNode diffs = file.putObject("diffs");
        ObjectNode counts = MAPPER.createObjectNode();
        for (int i = 0; i < NODES.size(); i++) {
            for (int j = i + 1; j < NODES.size(); j++) {
                String a = NODES.get(i);
                String b = NODES.get(j);
                ObjectNode rows = diffs.putObject(a + "/" + b).putObject("rows");
                ArrayNode listA = rows.putArray(a);
                ArrayNode listB = rows.putArray(b);
                List<R> all = new ArrayList<>(contents.get(a).keySet());
                contents.get(b).keySet().stream().filter(r -> !all.contains(r)).forEach(all::add);
                long differing = 0;
                for (R row : all) {
                    int na = contents.get(a).getOrDefault(row, 0);
                    int nb = contents.get(b).getOrDefault(row, 0);
                    if (na == nb) {
                        continue;
                    }
                    differing++;
                    list(listA, row, na);
                    list(listB, row, nb);
                }
                counts.put(a + "/" + b, differing);
            }
        }
        ObjectNode summary = file.putObject("summary");
        summary.put("schema", "public").put("table", table.substring("public.".length()));
        ArrayNode nodes = summary.putArray("nodes");
        NODES.forEach(nodes::add);
        summary.putArray("primary_key");
        summary.put("compared_as", "multiset").put("equality", "exact");
        summary.set("diff_rows_count", counts);
        Path path = ace.outputDir().resolve(table.replace('.', '_') + "_multiset_diffs.json");
        Files.createDirectories(path.getParent());
        Files.writeString(path, MAPPER.writeValueAsString(file));
        return path;
    }

    private static void list(ArrayNode list, R row, int copies) {
        if (copies > 0) {
            ObjectNode json = list.addObject();
            row.into(json);
            json.putObject("_ace_metadata_").put("copies", copies).put("odd_node", "ignored");
        }
    }

    /** Every row's text with its copies, in the order of that text: equal for two nodes exactly when their multisets are. */
    private static String multiset(String node, String table) {
        try (var c = cluster.connect(node); var st = c.createStatement();
             var rs = st.executeQuery("SELECT string_agg(r || ' x' || n, E'\\n' ORDER BY r) FROM"
                     + " (SELECT t::text AS r, count(*) AS n FROM " + table + " t GROUP BY t::text) s")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long copiesOf(String node, String table, R row) {
        return cluster.count(node, "SELECT count(*) FROM " + table + " t WHERE (a, b, c::text, ts) IS NOT DISTINCT FROM ("
                + (row.a() == null ? "NULL::int" : row.a()) + ", " + R.literal(row.b(), "text") + ", " + R.literal(row.c(), "text") + ", "
                + R.literal(row.ts(), "timestamptz") + ")");
    }

    private static Ace.Result repair(String table, Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("table-repair", "local", table, "--diff-file", file.toString()));
        args.addAll(List.of(more));
        return ace.run(args.toArray(String[]::new));
    }

    private static Ace.Result rerun(String table, Path file) {
        return ace.run("table-rerun", "local", table, "--diff-file", file.toString(), "--output-dir", ace.outputDir().toString());
    }

    private static String outputPath(Ace.Result result, String label) {
        return result.out().lines().filter(l -> l.startsWith(label + ": ")).findFirst().orElseThrow().substring(label.length() + 2);
    }

    @Test
    void everyNodeIsMadeToHoldTheSourcesCopies() throws Exception {
        String table = "public.mset";
        Map<String, Map<R, Integer>> contents = contents();
        create(table, contents);
        Path file = diffFile(table, contents);
        String n2Before = multiset("n2", table);
        String n3Before = multiset("n3", table);
        assertThat(n2Before).isNotEqualTo(multiset("n1", table));

        // before the repair, the listed rows still differ
        Ace.Result before = rerun(table, file);
        assertThat(before.exitCode()).as(before.toString()).isEqualTo(1);
        assertThat(before.out()).contains("still diff");
        String rerunFile = Files.readString(Path.of(outputPath(before, "diff file")));
        assertThat(rerunFile).contains("only n1").contains("extra n2").contains("\"compared_as\"");

        Ace.Result dry = repair(table, file, "--source-of-truth", "n1", "--dry-run", "--output-dir", ace.outputDir().toString());
        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(1);
        assertThat(dry.out()).contains("DRY RUN: 16 copies to insert or delete planned, nothing written").contains("n2: would insert 6 copies, would delete 6 copies, stale 0")
                .contains("n3: would insert 3 copies, would delete 1 copy, stale 0");
        assertThat(multiset("n2", table)).isEqualTo(n2Before);
        assertThat(multiset("n3", table)).isEqualTo(n3Before);
        String statements = dry.out().lines().filter(l -> l.startsWith("statements: ")).map(l -> l.substring(12))
                .map(p -> {
                    try {
                        return Files.readString(Path.of(p));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).reduce("", String::concat);
        assertThat(statements).contains("INSERT INTO \"public\".\"mset\" (\"a\", \"b\", \"c\", \"ts\") SELECT")
                .contains("CAST('only n1' AS text)").contains("FROM generate_series(1, 2)")
                .contains("DELETE FROM \"public\".\"mset\" WHERE ctid = ANY (ARRAY['(");

        Ace.Result r = repair(table, file, "--source-of-truth", "n1", "--generate-report", "--output-dir", ace.outputDir().toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("n2: inserted 6 copies, deleted 6 copies, stale 0;")
                .contains("n3: inserted 3 copies, deleted 1 copy, stale 0;")
                .contains("10 rows verified with as many copies on n1, n2, n3 (the multisets are equal)");
        String source = multiset("n1", table);
        assertThat(multiset("n2", table)).isEqualTo(source);
        assertThat(multiset("n3", table)).isEqualTo(source);
        assertThat(copiesOf("n2", table, R1)).isEqualTo(3);
        assertThat(copiesOf("n2", table, R2)).isEqualTo(1);
        assertThat(copiesOf("n2", table, R4)).isEqualTo(2);
        assertThat(copiesOf("n2", table, R5)).as("the empty string, not NULL").isEqualTo(1);
        assertThat(copiesOf("n2", table, R5_NULL)).isZero();
        assertThat(copiesOf("n2", table, R6)).isZero();
        assertThat(copiesOf("n2", table, R7)).as("tab, quotes and backslash exactly").isEqualTo(1);
        assertThat(copiesOf("n2", table, R8)).isEqualTo(1);
        assertThat(copiesOf("n2", table, R8_SCALE)).as("1.00 is another row than 1.0").isZero();
        assertThat(cluster.count("n2", "SELECT count(*) FROM " + table + " WHERE ts = '2025-07-22 12:00:00.123456+00'")).isEqualTo(3);
        assertThat(cluster.count("n3", "SELECT count(*) FROM " + table + " WHERE b = 'same'")).as("rows not listed untouched").isEqualTo(10);

        JsonNode report = MAPPER.readTree(Path.of(outputPath(r, "repair report")).toFile());
        assertThat(report.path("summary").path("compared_as").asString()).isEqualTo("multiset");
        assertThat(report.path("summary").has("key_index")).isFalse();
        assertThat(report.path("summary").path("per_node").path("n2").path("insert").asLong()).isEqualTo(6);
        assertThat(report.path("summary").path("per_node").path("n2").path("delete").asLong()).isEqualTo(6);
        assertThat(report.path("summary").path("per_node").path("n2").has("update")).isFalse();
        Map<String, JsonNode> n2Changes = new HashMap<>();
        report.path("changes").forEach(c -> {
            if (c.path("node").asString().equals("n2")) {
                JsonNode row = c.path("row");
                n2Changes.put(row.path("b").isNull() ? "NULL" : row.path("b").asString() + "/" + row.path("c").asString(), c);
            }
        });
        JsonNode onlyN1 = n2Changes.get("only n1/0");
        assertThat(onlyN1.path("kind").asString()).isEqualTo("insert");
        assertThat(onlyN1.path("status").asString()).isEqualTo("applied");
        assertThat(onlyN1.path("copies").path("found").asLong()).isZero();
        assertThat(onlyN1.path("copies").path("left").asLong()).isEqualTo(2);
        JsonNode extra = n2Changes.get("extra n2/7");
        assertThat(extra.path("kind").asString()).isEqualTo("delete");
        assertThat(extra.path("copies").path("recorded").asLong()).isEqualTo(2);
        assertThat(extra.path("copies").path("left").asLong()).isZero();
        assertThat(extra.path("after").isNull()).isTrue();
        String html = Files.readString(Path.of(outputPath(r, "repair report").replace(".json", ".html")));
        assertThat(html).contains("inserted (copies)").contains("deleted (copies)").doesNotContain(">updated<");

        Ace.Result again = repair(table, file, "--source-of-truth", "n1");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("n2: inserted 0 copies, deleted 0 copies, stale 0, already in place 9;")
                .contains("n3: inserted 0 copies, deleted 0 copies, stale 0, already in place 4;");
        assertThat(multiset("n2", table)).isEqualTo(source);

        Ace.Result after = rerun(table, file);
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.out()).contains("all differences resolved");
    }

    @Test
    void aRowWhoseCopiesMovedSinceTheDiffIsLeftAloneAsStale() throws Exception {
        String table = "public.mstale";
        R kept = new R(1, "kept", "1", null);
        R sourceMoved = new R(2, "source moved", "2", null);
        R deleted = new R(3, "deleted", "3", null);
        R inserted = new R(4, "inserted", "4", null);
        Map<String, Map<R, Integer>> contents = new LinkedHashMap<>();
        contents.put("n1", copies(kept, 2, sourceMoved, 1, inserted, 2));
        contents.put("n2", copies(kept, 1, deleted, 1));
        contents.put("n3", copies(kept, 2, sourceMoved, 1, inserted, 2));
        create(table, contents);
        Path file = diffFile(table, contents);
        // after the diff: n2 gets two more copies of one row, the source another of a row n2 lacks
        cluster.sql("INSERT INTO " + table + " SELECT " + kept.values() + " FROM generate_series(1, 2)", "n2");
        cluster.sql("INSERT INTO " + table + " SELECT " + sourceMoved.values(), "n1");

        Ace.Result r = repair(table, file, "--source-of-truth", "n1", "--generate-report", "--output-dir", ace.outputDir().toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("n2: inserted 2 copies, deleted 1 copy, stale 2;").contains("n3: inserted 0 copies, deleted 0 copies, stale 0;");
        assertThat(copiesOf("n2", table, kept)).as("left alone").isEqualTo(3);
        assertThat(copiesOf("n2", table, sourceMoved)).as("left alone").isZero();
        assertThat(copiesOf("n2", table, deleted)).isZero();
        assertThat(copiesOf("n2", table, inserted)).isEqualTo(2);
        assertThat(copiesOf("n3", table, kept)).isEqualTo(2);
        JsonNode report = MAPPER.readTree(Path.of(outputPath(r, "repair report")).toFile());
        List<String> stale = new ArrayList<>();
        report.path("changes").forEach(c -> {
            if (c.path("status").asString().equals("stale")) {
                JsonNode row = c.path("row");
                stale.add(row.path("b").asString() + " found " + c.path("copies").path("found").asLong() + " source found "
                        + c.path("copies").path("source_found").asLong());
            }
        });
        assertThat(stale).containsExactlyInAnyOrder("kept found 3 source found 2", "source moved found 0 source found 2");
    }

    @Test
    void partitionsRouteInsertedCopiesAndLoseExactlyTheSurplusOnes() throws Exception {
        String table = "public.mpart";
        R low = new R(1, "low", "1", null);
        R high = new R(60, "high", "2", null);
        R lowExtra = new R(2, "low extra", "3", null);
        Map<String, Map<R, Integer>> contents = new LinkedHashMap<>();
        contents.put("n1", copies(low, 2, high, 1));
        contents.put("n2", copies(low, 1, high, 3, lowExtra, 2));
        contents.put("n3", copies(low, 2, high, 1));
        create(table, " PARTITION BY RANGE (a); CREATE TABLE public.mpart_low PARTITION OF " + table + " FOR VALUES FROM (MINVALUE) TO (50);"
                + " CREATE TABLE public.mpart_high PARTITION OF " + table + " FOR VALUES FROM (50) TO (MAXVALUE)", contents);
        Path file = diffFile(table, contents);

        Ace.Result inserts = repair(table, file, "--source-of-truth", "n1", "--insert-only");
        assertThat(inserts.exitCode()).as("the surplus copies still differ: " + inserts).isEqualTo(1);
        assertThat(inserts.out()).contains("n2: inserted 1 copy, deleted 0 copies, stale 0;");
        assertThat(copiesOf("n2", table, high)).isEqualTo(3);

        Ace.Result r = repair(table, file, "--source-of-truth", "n1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("n2: inserted 0 copies, deleted 4 copies, stale 0, already in place 1;");
        assertThat(multiset("n2", table)).isEqualTo(multiset("n1", table));
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.mpart_low WHERE b = 'low'")).isEqualTo(2);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.mpart_high WHERE b = 'high'")).isEqualTo(1);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.mpart_high WHERE b = 'same'")).as("same places, other partition").isEqualTo(10);
    }

    @Test
    void whatCannotApplyToCopiesIsRefusedBeforeAnyChange() throws Exception {
        String table = "public.mrefuse";
        Map<String, Map<R, Integer>> contents = contents();
        create(table, contents);
        Path file = diffFile(table, contents);
        String n2 = multiset("n2", table);
        Path plan = ace.outputDir().resolve("mrefuse-plan.yaml");
        Files.writeString(plan, "version: 1\n");
        Map<List<String>, String> refused = new LinkedHashMap<>();
        refused.put(List.of("--bidirectional"), "--bidirectional");
        refused.put(List.of("--fix-nulls"), "--fix-nulls");
        refused.put(List.of("--source-of-truth", "n1", "--upsert-only"), "--upsert-only");
        refused.put(List.of("--source-of-truth", "n1", "--preserve-origin"), "--preserve-origin");
        refused.put(List.of("--source-of-truth", "n1", "--recovery-mode"), "--recovery-mode");
        refused.put(List.of("--repair-plan", plan.toString()), "--repair-plan");
        refused.forEach((args, option) -> {
            Ace.Result r = repair(table, file, args.toArray(String[]::new));
            assertThat(r.exitCode()).as(args + ": " + r).isEqualTo(64);
            assertThat(r.err()).as(args.toString()).contains(option).contains("multiset");
        });

        ObjectNode json = (ObjectNode) MAPPER.readTree(file.toFile());
        ((ObjectNode) json.get("summary")).putArray("columns").add("a").add("b");
        Path someColumns = ace.outputDir().resolve("mrefuse_some_columns.json");
        Files.writeString(someColumns, MAPPER.writeValueAsString(json));
        Ace.Result narrowed = repair(table, someColumns, "--source-of-truth", "n1");
        assertThat(narrowed.exitCode()).as(narrowed.toString()).isEqualTo(64);
        assertThat(narrowed.err()).contains("some of its columns");

        json = (ObjectNode) MAPPER.readTree(file.toFile());
        ((ObjectNode) json.get("summary")).remove("compared_as");
        Path keyed = ace.outputDir().resolve("mrefuse_keyed.json");
        Files.writeString(keyed, MAPPER.writeValueAsString(json));
        Ace.Result byKey = repair(table, keyed, "--source-of-truth", "n1");
        assertThat(byKey.exitCode()).as(byKey.toString()).isEqualTo(64);
        assertThat(byKey.err()).contains("no usable key");
        assertThat(multiset("n2", table)).isEqualTo(n2);

        cluster.sql("ALTER TABLE " + table + " ADD COLUMN id serial PRIMARY KEY", NODES.toArray(String[]::new));
        Ace.Result keyAdded = repair(table, file, "--source-of-truth", "n1");
        assertThat(keyAdded.exitCode()).as(keyAdded.toString()).isEqualTo(64);
        assertThat(keyAdded.err()).contains("as a multiset").contains("primary key");
        Ace.Result rerunKeyAdded = rerun(table, file);
        assertThat(rerunKeyAdded.exitCode()).as(rerunKeyAdded.toString()).isEqualTo(64);
    }
}
