package io.ace.repair;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.TortureTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

/** diff → repair → rerun → identical nodes, in every mode, on real nodes. */
@OnCluster
class TableRepairTest {

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
    }

    /** Every row's text, in the order of that text (the same on every node whatever the heap order), as one string per node. */
    static String dump(String node, String table) {
        try (var c = cluster.connect(node); var st = c.createStatement();
             var rs = st.executeQuery("SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM " + table + " t")) {
            rs.next();
            return String.valueOf(rs.getString(1));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Ace.Result diff(String table, String nodes) {
        return ace.run("table-diff", "local", table, "--nodes", nodes);
    }

    @Test
    void tortureTableRepairedExactlyAndVerified() {
        TortureTable.create(cluster, "rtorture", "n2", "n1", "n2");
        Ace.Result diff = diff("public.rtorture", "n1,n2");
        assertThat(diff.exitCode()).isEqualTo(1);
        Ace.Result repair = ace.run("table-repair", "local", "public.rtorture", "--diff-file", diff.diffFile().toString(),
                "--source-of-truth", "n1", "--generate-report", "--output-dir", ace.outputDir().toString());
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(0);
        assertThat(repair.out()).contains("n2 inserted 1, updated " + (TortureTable.EXACT.size() - 2) + ", deleted 1, stale 0");
        assertThat(dump("n2", "public.rtorture")).isEqualTo(dump("n1", "public.rtorture"));
        Ace.Result rerun = ace.run("table-rerun", "local", "public.rtorture", "--diff-file", diff.diffFile().toString(),
                "--output-dir", ace.outputDir().toString());
        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(0);
        assertThat(rerun.out()).contains("all differences resolved");
        assertThat(diff("public.rtorture", "n1,n2").exitCode()).isEqualTo(0);
        assertThat(repair.out()).contains("repair report: ");
    }

    @Test
    void compositeKeysAndEachOfThreeNodesAsSource() {
        for (String source : List.of("n1", "n2", "n3")) {
            cluster.sql("DROP TABLE IF EXISTS public.rcomp; CREATE TABLE public.rcomp (a int, b text, v numeric, PRIMARY KEY (a, b));"
                    + "INSERT INTO public.rcomp SELECT g % 10, 'k' || g, g FROM generate_series(1, 200) g", "n1", "n2", "n3");
            cluster.sql("UPDATE public.rcomp SET v = -1 WHERE b = 'k5'; DELETE FROM public.rcomp WHERE b = 'k6'", "n1");
            cluster.sql("INSERT INTO public.rcomp VALUES (99, 'only-n2', 1); UPDATE public.rcomp SET v = v * 1.0 WHERE b = 'k7'", "n2");
            cluster.sql("UPDATE public.rcomp SET v = NULL WHERE b = 'k8'", "n3");
            Ace.Result d = diff("public.rcomp", "n1,n2,n3");
            assertThat(d.exitCode()).isEqualTo(1);
            Ace.Result r = ace.run("table-repair", "local", "public.rcomp", "--diff-file", d.diffFile().toString(), "--source-of-truth", source);
            assertThat(r.exitCode()).as(source + ": " + r).isEqualTo(0);
            assertThat(dump("n1", "public.rcomp")).isEqualTo(dump(source, "public.rcomp"));
            assertThat(dump("n2", "public.rcomp")).isEqualTo(dump(source, "public.rcomp"));
            assertThat(dump("n3", "public.rcomp")).isEqualTo(dump(source, "public.rcomp"));
        }
    }

    @Test
    void upsertOnlyInsertOnlyBidirectionalAndFixNulls() {
        String setup = "DROP TABLE IF EXISTS public.rmode; CREATE TABLE public.rmode (id int PRIMARY KEY, a text, b text);"
                + "INSERT INTO public.rmode SELECT g, 'a' || g, 'b' || g FROM generate_series(1, 50) g";
        String diverge1 = "INSERT INTO public.rmode VALUES (101, 'only n1', 'x'); UPDATE public.rmode SET a = NULL WHERE id = 3";
        String diverge2 = "INSERT INTO public.rmode VALUES (102, 'only n2', 'y'); UPDATE public.rmode SET a = 'changed' WHERE id = 4;"
                + "UPDATE public.rmode SET b = NULL WHERE id = 3";

        cluster.sql(setup, "n1", "n2");
        cluster.sql(diverge1, "n1");
        cluster.sql(diverge2, "n2");
        Ace.Result d = diff("public.rmode", "n1,n2");
        Ace.Result upsert = ace.run("table-repair", "local", "public.rmode", "--diff-file", d.diffFile().toString(), "--source-of-truth", "n1", "--upsert-only");
        assertThat(upsert.out()).contains("n2 inserted 1, updated 2, deleted 0");
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.rmode WHERE id = 102")).isEqualTo(1);
        assertThat(upsert.exitCode()).as("the row only on n2 still differs").isEqualTo(1);

        cluster.sql(setup, "n1", "n2");
        cluster.sql(diverge1, "n1");
        cluster.sql(diverge2, "n2");
        d = diff("public.rmode", "n1,n2");
        Ace.Result insert = ace.run("table-repair", "local", "public.rmode", "--diff-file", d.diffFile().toString(), "--source-of-truth", "n1", "--insert-only");
        assertThat(insert.out()).contains("n2 inserted 1, updated 0, deleted 0");
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.rmode WHERE a = 'changed'")).isEqualTo(1);

        cluster.sql(setup, "n1", "n2");
        cluster.sql(diverge1, "n1");
        cluster.sql(diverge2, "n2");
        d = diff("public.rmode", "n1,n2");
        Ace.Result bidi = ace.run("table-repair", "local", "public.rmode", "--diff-file", d.diffFile().toString(), "--bidirectional");
        assertThat(bidi.out()).contains("n1 inserted 1, updated 0, deleted 0").contains("n2 inserted 1, updated 0, deleted 0");
        assertThat(cluster.count("n1", "SELECT count(*) FROM public.rmode WHERE id IN (101, 102)")).isEqualTo(2);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.rmode WHERE id IN (101, 102)")).isEqualTo(2);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.rmode WHERE a = 'changed'")).as("modified rows untouched").isEqualTo(1);

        cluster.sql(setup, "n1", "n2");
        cluster.sql("UPDATE public.rmode SET a = NULL WHERE id = 3", "n1");
        cluster.sql("UPDATE public.rmode SET b = NULL WHERE id = 3", "n2");
        d = diff("public.rmode", "n1,n2");
        Ace.Result fix = ace.run("table-repair", "local", "public.rmode", "--diff-file", d.diffFile().toString(), "--fix-nulls");
        assertThat(fix.exitCode()).as(fix.toString()).isEqualTo(0);
        assertThat(dump("n1", "public.rmode")).isEqualTo(dump("n2", "public.rmode")).contains("(3,a3,b3)");
    }

    @Test
    void staleRowIsSkippedAndListed() {
        cluster.sql("DROP TABLE IF EXISTS public.rstale; CREATE TABLE public.rstale (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.rstale SELECT g, 'v' || g FROM generate_series(1, 20) g", "n1", "n2");
        cluster.sql("UPDATE public.rstale SET v = 'old' WHERE id IN (1, 2)", "n2");
        Ace.Result d = diff("public.rstale", "n1,n2");
        cluster.sql("UPDATE public.rstale SET v = 'changed after the diff' WHERE id = 2", "n2");
        Ace.Result r = ace.run("table-repair", "local", "public.rstale", "--diff-file", d.diffFile().toString(), "--source-of-truth", "n1",
                "--generate-report", "--output-dir", ace.outputDir().toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("n2 inserted 0, updated 1, deleted 0, stale 1").contains("1 key verified identical on n1, n2; 1 key still differs");
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.rstale WHERE v = 'changed after the diff'")).isEqualTo(1);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.rstale WHERE id = 1 AND v = 'v1'")).isEqualTo(1);
        // the report's after is what the node holds when the repair commits: the skipped row as someone else wrote it
        Path json = Path.of(r.out().lines().filter(l -> l.startsWith("repair report: ")).findFirst().orElseThrow()
                .substring("repair report: ".length()));
        Map<String, JsonNode> byKey = new HashMap<>();
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(json.toFile()).path("changes")
                .forEach(c -> byKey.put(c.path("key").get(0).asString(), c));
        assertThat(byKey.get("2").path("status").asString()).isEqualTo("stale");
        assertThat(byKey.get("2").path("after").path("v").asString()).isEqualTo("changed after the diff");
        assertThat(byKey.get("1").path("after").path("v").asString()).isEqualTo("v1");
    }

    @Test
    void rowChangedWhileTheRepairWaitsForItsLockIsLeftAloneAsStale() throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.rrace; CREATE TABLE public.rrace (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.rrace SELECT g, 'v' || g FROM generate_series(1, 20) g", "n1", "n2");
        cluster.sql("UPDATE public.rrace SET v = 'old' WHERE id IN (1, 2, 3)", "n2");
        Ace.Result d = diff("public.rrace", "n1,n2");
        try (Connection writer = cluster.connect("n2")) {
            // an application holds row 2 when the repair reaches it, and commits a new value while the repair waits
            writer.setAutoCommit(false);
            writer.createStatement().executeUpdate("UPDATE public.rrace SET v = 'written meanwhile' WHERE id = 2");
            CompletableFuture<Ace.Result> repair = CompletableFuture.supplyAsync(() -> ace.run("table-repair", "local", "public.rrace",
                    "--diff-file", d.diffFile().toString(), "--source-of-truth", "n1"));
            Awaitility.await("the repair waiting for row 2").atMost(Duration.ofSeconds(30))
                    .until(() -> cluster.count("n2", "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ace'"
                            + " AND wait_event_type = 'Lock'") > 0);
            writer.commit();
            Ace.Result r = repair.get(60, TimeUnit.SECONDS);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).contains("n2 inserted 0, updated 2, deleted 0, stale 1");
        }
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.rrace WHERE id = 2 AND v = 'written meanwhile'")).isEqualTo(1);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.rrace WHERE id IN (1, 3) AND v = 'v' || id")).isEqualTo(2);
    }

    @Test
    void valuesCopyWouldEscapeAreWrittenExactly() {
        // text COPY escapes backslash, tab, newline and carriage return, and reads \\N as NULL
        cluster.sql("DROP TABLE IF EXISTS public.rescape; CREATE TABLE public.rescape (id int PRIMARY KEY, v text, a text[], j json)",
                "n1", "n2");
        cluster.sql("INSERT INTO public.rescape VALUES (1, E'tab\\there', '{x}', '{}'), (2, E'line\\nbreak\\r', '{\"a\\\\b\"}', '[1]'),"
                + " (3, E'back\\\\slash', '{}', '\"\\\\N\"'), (4, E'\\\\N', NULL, NULL), (5, '', '{\"\"}', 'null')", "n1");
        cluster.sql("INSERT INTO public.rescape VALUES (1, 'x', '{y}', '{}'), (4, NULL, '{}', '{}')", "n2");
        Ace.Result d = diff("public.rescape", "n1,n2");
        Ace.Result r = ace.run("table-repair", "local", "public.rescape", "--diff-file", d.diffFile().toString(), "--source-of-truth", "n1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(dump("n2", "public.rescape")).isEqualTo(dump("n1", "public.rescape")).contains("\\\\N");
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.rescape WHERE id = 4 AND v = E'\\\\N'")).isEqualTo(1);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.rescape WHERE id = 5 AND v = ''")).isEqualTo(1);
    }

    @Test
    void repairRunAgainFindsEveryChangeInPlace() {
        cluster.sql("DROP TABLE IF EXISTS public.ragain; CREATE TABLE public.ragain (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.ragain SELECT g, 'v' || g FROM generate_series(1, 50) g", "n1", "n2");
        cluster.sql("UPDATE public.ragain SET v = 'old' WHERE id <= 10; DELETE FROM public.ragain WHERE id = 20;"
                + " INSERT INTO public.ragain VALUES (99, 'extra')", "n2");
        Ace.Result d = diff("public.ragain", "n1,n2");
        String[] repair = {"table-repair", "local", "public.ragain", "--diff-file", d.diffFile().toString(), "--source-of-truth", "n1"};
        Ace.Result first = ace.run(repair);
        assertThat(first.out()).contains("n2 inserted 1, updated 10, deleted 1, stale 0, already in place 0");
        Ace.Result again = ace.run(repair);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("n2 inserted 0, updated 0, deleted 0, stale 0, already in place 12");
        assertThat(dump("n2", "public.ragain")).isEqualTo(dump("n1", "public.ragain"));
    }

    @Test
    void dryRunChangesNothingAndListsStatements() throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.rdry; CREATE TABLE public.rdry (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.rdry SELECT g, 'v' || g FROM generate_series(1, 20) g", "n1", "n2");
        cluster.sql("UPDATE public.rdry SET v = 'x' WHERE id = 1; DELETE FROM public.rdry WHERE id = 2; INSERT INTO public.rdry VALUES (99, 'y')", "n2");
        String before = dump("n2", "public.rdry");
        Ace.Result d = diff("public.rdry", "n1,n2");
        Ace.Result r = ace.run("table-repair", "local", "public.rdry", "--diff-file", d.diffFile().toString(), "--source-of-truth", "n1",
                "--dry-run", "--output-dir", ace.outputDir().toString());
        // named a dry run everywhere, and never said to have left the nodes alike: what it planned still differs (exit 1)
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("DRY RUN: 3 changes planned, nothing written").contains("n2 would insert 1, would update 1, would delete 1");
        String report = Files.readString(Path.of(r.out().lines().filter(l -> l.startsWith("repair report: ")).findFirst().orElseThrow()
                .substring("repair report: ".length())));
        assertThat(report).containsPattern("\"dry_run\" *: *true").doesNotContain("keys_still_differing");
        assertThat(ace.run("jobs", "list").out()).containsPattern("table-repair \\(dry run\\) +COMPLETED +1 ");
        assertThat(dump("n2", "public.rdry")).isEqualTo(before);
        String statementsFile = r.out().lines().filter(l -> l.startsWith("statements: ")).findFirst().orElseThrow().substring(12);
        String sql = Files.readString(Path.of(statementsFile));
        assertThat(sql).contains("INSERT INTO \"public\".\"rdry\"").contains("'v2'").contains("DELETE FROM \"public\".\"rdry\"")
                .contains("UPDATE \"public\".\"rdry\"");
    }

    @Test
    void failureMidRepairLeavesTheNodeUnchangedAndTheRelaunchCompletes() {
        cluster.sql("DROP TABLE IF EXISTS public.rfail; CREATE TABLE public.rfail (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.rfail SELECT g, 'v' || g FROM generate_series(1, 30) g", "n1", "n2");
        cluster.sql("UPDATE public.rfail SET v = 'bad' WHERE id <= 10; UPDATE public.rfail SET v = 'boom' WHERE id = 20", "n1");
        Ace.Result d = diff("public.rfail", "n1,n2");
        // a constraint on n2 rejects one of the rows the repair writes, after others were written in the same transaction
        cluster.sql("ALTER TABLE public.rfail ADD CONSTRAINT no_boom CHECK (v <> 'boom')", "n2");
        String before = dump("n2", "public.rfail");
        String[] repair = {"table-repair", "local", "public.rfail", "--diff-file", d.diffFile().toString(), "--source-of-truth", "n1",
            "--run-key", "fail-once"};
        Ace.Result failed = ace.run(repair);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
        assertThat(failed.err()).contains("no_boom");
        assertThat(dump("n2", "public.rfail")).as("nothing applied").isEqualTo(before);
        cluster.sql("ALTER TABLE public.rfail DROP CONSTRAINT no_boom", "n2");
        Ace.Result resumed = ace.run(repair);
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(0);
        assertThat(dump("n2", "public.rfail")).isEqualTo(dump("n1", "public.rfail"));
        assertThat(ace.run(repair).exitCode()).isEqualTo(4);
    }

    @Test
    void acceptsPgEdgeAceDiffFiles() throws Exception {
        String ddl = "DROP TABLE IF EXISTS public.customers; CREATE TABLE public.customers (id int PRIMARY KEY, name text, balance numeric,"
                + " updated timestamptz, tags text[], doc jsonb, blob bytea, note text);";
        String n1Rows = "INSERT INTO public.customers VALUES (7, 'Alice Martin', 3000.1, '2025-07-22 12:00:00.123456+00', '{vip,eu}', '{\"tier\": 2}', '\\x0102ff', NULL),"
                + " (8, 'Bob Stone', 12.5, '2025-07-21 08:30:00+00', '{}', '{}', '\\x', 'missing on n2');";
        cluster.sql(ddl + n1Rows, "n1", "n3");
        cluster.sql(ddl + "INSERT INTO public.customers VALUES (7, 'Alice Martín', 3000.1, '2025-07-22 12:00:00.123456+00', '{vip,eu}', '{\"tier\": 3}', '\\x0102ff', NULL),"
                + " (9000, 'Extra Row', 0, '2025-07-22 11:59:59+00', NULL, NULL, NULL, 'only on n2')", "n2");
        Path sample = Path.of(TableRepairTest.class.getResource("/ace-go-diff-sample.json").toURI());
        Ace.Result r = ace.run("table-repair", "local", "public.customers", "--diff-file", sample.toString(), "--source-of-truth", "n1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(0);
        assertThat(r.out()).contains("n2 inserted 1, updated 1, deleted 1, stale 0");
        assertThat(dump("n2", "public.customers")).isEqualTo(dump("n1", "public.customers"));
    }

    @Test
    void badInputIsRejectedAndChangesNothing() throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.rbad, public.rother; CREATE TABLE public.rbad (id int PRIMARY KEY, v text);"
                + "CREATE TABLE public.rother (id int PRIMARY KEY, v text); INSERT INTO public.rbad VALUES (1, 'a')", "n1", "n2");
        cluster.sql("UPDATE public.rbad SET v = 'b'", "n2");
        Path file = diff("public.rbad", "n1,n2").diffFile();
        String before = dump("n2", "public.rbad");
        String text = Files.readString(file);
        Path truncated = file.resolveSibling("truncated.json");
        Files.writeString(truncated, text.substring(0, text.length() / 2));
        Path malformed = file.resolveSibling("malformed.json");
        Files.writeString(malformed, "{\"diffs\": [1, 2], \"summary\": {}}");
        Object[][] cases = {
            {64, "--upsert-only and --insert-only exclude each other", new String[] {"--source-of-truth", "n1", "--upsert-only", "--insert-only"}},
            {64, "--source-of-truth NODE is required", new String[] {}},
            {64, "--source-of-truth does not apply to --bidirectional", new String[] {"--source-of-truth", "n1", "--bidirectional"}},
            {78, "--source-of-truth n9 is not one of the diff file's nodes", new String[] {"--source-of-truth", "n9"}},
        };
        for (Object[] c : cases) {
            String[] extra = (String[]) c[2];
            String[] args = new String[5 + extra.length];
            System.arraycopy(new String[] {"table-repair", "local", "public.rbad", "--diff-file", file.toString()}, 0, args, 0, 5);
            System.arraycopy(extra, 0, args, 5, extra.length);
            Ace.Result r = ace.run(args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(c[0]);
            assertThat(r.err()).contains((String) c[1]);
        }
        Ace.Result other = ace.run("table-repair", "local", "public.rother", "--diff-file", file.toString(), "--source-of-truth", "n1");
        assertThat(other.exitCode()).isEqualTo(64);
        assertThat(other.err()).contains("is of table public.rbad, not public.rother");
        for (Path bad : List.of(truncated, malformed, file.resolveSibling("missing.json"))) {
            Ace.Result r = ace.run("table-repair", "local", "public.rbad", "--diff-file", bad.toString(), "--source-of-truth", "n1");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
            assertThat(r.err()).contains(bad.getFileName().toString());
        }
        assertThat(dump("n2", "public.rbad")).isEqualTo(before);
    }

    @Test
    void aDiffFileIsNamedByTheExecutionThatWroteIt() throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.rfrom; CREATE TABLE public.rfrom (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.rfrom SELECT g, 'v' FROM generate_series(1, 50) g", "n1", "n2");
        cluster.sql("UPDATE public.rfrom SET v = 'w' WHERE id = 9", "n2");
        Ace.Result diff = diff("public.rfrom", "n1,n2");
        long execution = diff.diff().get("summary").get("job_execution_id").asLong();

        Ace.Result both = ace.run("table-repair", "local", "public.rfrom", "--diff-file", diff.diffFile().toString(),
                "--from-execution", Long.toString(execution), "--source-of-truth", "n1");
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(64);
        Ace.Result none = ace.run("table-rerun", "local", "public.rfrom", "--from-execution", "999999");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(64);
        assertThat(none.err()).contains("no job execution 999999");

        Ace.Result repair = ace.run("table-repair", "local", "public.rfrom", "--from-execution", Long.toString(execution),
                "--source-of-truth", "n1", "--output-dir", ace.outputDir().toString());
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(0);
        assertThat(dump("n2", "public.rfrom")).isEqualTo(dump("n1", "public.rfrom"));
        Ace.Result inSync = diff("public.rfrom", "n1,n2");
        assertThat(inSync.exitCode()).isEqualTo(0);
        long clean = ace.context().getBean(io.ace.batch.RunQueries.class).find(io.ace.batch.RunQueries.Filter.all(), 0, 1).runs().get(0).id();
        Ace.Result nothing = ace.run("table-rerun", "local", "public.rfrom", "--from-execution", Long.toString(clean));
        assertThat(nothing.exitCode()).as(nothing.toString()).isEqualTo(64);
        assertThat(nothing.err()).contains("wrote no diff file");
    }
}
