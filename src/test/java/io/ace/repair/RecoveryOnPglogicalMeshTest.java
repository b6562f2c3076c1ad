package io.ace.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A node fails with some of its last writes on one survivor only, on a real three-node pglogical
 * mesh (commit timestamps on). n3's stream to n2 stops; n3 inserts, updates and deletes, and n1
 * receives it all; n1 and n2 then write rows of their own; n3 goes down (for ACE: its address
 * answers nothing). table-diff --against-origin n3 lists exactly what n3 wrote that n2 lacks;
 * table-repair --recovery-mode --preserve-origin repairs n2 from n1 (chosen by how much of n3's
 * stream each applied), with n3's commit times; table-rerun then finds nothing.
 */
@OnCluster(OnCluster.Kind.PGLOGICAL)
class RecoveryOnPglogicalMeshTest {

    static LocalCluster mesh;
    static Ace survivors;
    static Path serviceFileWithoutN3;

    @BeforeAll
    static void setUp(LocalCluster localCluster, @TempDir Path dir) throws IOException {
        mesh = localCluster;
        mesh.sql("DROP TABLE IF EXISTS public.rec_t CASCADE; CREATE TABLE public.rec_t (id int PRIMARY KEY, v text, note text);"
                + "SELECT pglogical.replication_set_add_table('default', 'public.rec_t'::regclass, synchronize_data := false)");
        serviceFileWithoutN3 = dir.resolve("pg_service.conf");
        Files.writeString(serviceFileWithoutN3, withDeadNode(Files.readString(mesh.serviceFile()), "n3"));
        survivors = new Ace(serviceFileWithoutN3, dir.resolve("home"));
    }

    @AfterAll
    static void tearDown() {
        if (survivors != null) {
            survivors.close();
        }
        // n3's stream to n2 flows again, and the table goes only once n2 has applied all n3 wrote to it meanwhile:
        // a change for a table that is gone would stop n2's apply worker, and the other tests need the mesh whole
        mesh.sql("SELECT pglogical.alter_subscription_enable('sub_n2_n3', true)", "n2");
        mesh.sql("INSERT INTO public.rec_t VALUES (99999, 'canary', NULL)", "n3");
        await("n2 to catch up with n3").atMost(Duration.ofSeconds(60)).until(() -> !row("n2", 99999).equals("missing"));
        mesh.sql("DROP TABLE IF EXISTS public.rec_t CASCADE");
    }

    /** The service file with {@code node}'s port replaced by one nothing listens on. */
    private static String withDeadNode(String serviceFile, String node) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        StringBuilder out = new StringBuilder();
        boolean inNode = false;
        for (String line : serviceFile.split("\n")) {
            if (line.startsWith("[")) {
                inNode = line.equals("[local." + node + "]");
            }
            out.append(inNode && line.startsWith("port=") ? "port=" + closedPort : line).append('\n');
        }
        return out.toString();
    }

    @Test
    void aFailedNodesLastWritesAreFoundOnTheSurvivorsAndRecoveredFromTheOneThatHasThemAll() throws Exception {
        mesh.sql("INSERT INTO public.rec_t SELECT g, 'n1-' || g, NULL FROM generate_series(1, 50) g", "n1");
        mesh.sql("INSERT INTO public.rec_t SELECT g, 'n3-' || g, 'first' FROM generate_series(1001, 1010) g", "n3");
        await("the seed rows on every node").atMost(Duration.ofSeconds(60)).until(() ->
                List.of("n1", "n2", "n3").stream().allMatch(n -> mesh.count(n, "SELECT count(*) FROM public.rec_t") == 60));

        mesh.sql("SELECT pglogical.alter_subscription_disable('sub_n2_n3', true)", "n2");
        await("n2 to stop receiving from n3").atMost(Duration.ofSeconds(30)).until(() ->
                mesh.count("n3", "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'sub_n2_n3'") == 0);
        // n3's last writes, each in its own transaction (its own commit time)
        for (int id = 2001; id <= 2005; id++) {
            mesh.sql("INSERT INTO public.rec_t VALUES (" + id + ", 'n3 late', NULL)", "n3");
        }
        mesh.sql("UPDATE public.rec_t SET v = 'n3 changed' WHERE id = 10", "n3");
        mesh.sql("UPDATE public.rec_t SET note = 'n3 changed' WHERE id = 1002", "n3");
        mesh.sql("DELETE FROM public.rec_t WHERE id = 1001", "n3");
        await("n1 to receive all of n3's last writes").atMost(Duration.ofSeconds(60)).until(() ->
                mesh.count("n1", "SELECT count(*) FROM public.rec_t WHERE id BETWEEN 2001 AND 2005 OR id = 10 AND v = 'n3 changed'"
                        + " OR id = 1002 AND note = 'n3 changed'") == 7
                        && mesh.count("n1", "SELECT count(*) FROM public.rec_t WHERE id = 1001") == 0);
        // newer writes of the survivors themselves, replicated between them, and one of n2's that is not
        mesh.sql("INSERT INTO public.rec_t VALUES (3001, 'n1 own', NULL); UPDATE public.rec_t SET v = 'n1 own' WHERE id = 30", "n1");
        mesh.sql("INSERT INTO public.rec_t VALUES (4001, 'n2 own', NULL); UPDATE public.rec_t SET v = 'n2 own' WHERE id = 40", "n2");
        mesh.unreplicated("n2", "UPDATE public.rec_t SET v = 'n2 only' WHERE id = 45");
        await("n1 and n2 to exchange their own writes").atMost(Duration.ofSeconds(60)).until(() ->
                mesh.count("n2", "SELECT count(*) FROM public.rec_t WHERE id = 3001 OR id = 30 AND v = 'n1 own'") == 2
                        && mesh.count("n1", "SELECT count(*) FROM public.rec_t WHERE id = 4001 OR id = 40 AND v = 'n2 own'") == 2);
        Set<String> n3Wrote = new HashSet<>(List.of("2001", "2002", "2003", "2004", "2005", "10", "1002", "1001"));

        Ace.Result everything = survivors.run("table-diff", "local", "public.rec_t", "--nodes", "n1,n2");
        assertThat(everything.diffKeys("id")).as("a full diff also sees n2's own unreplicated write")
                .containsExactlyInAnyOrderElementsOf(union(n3Wrote, Set.of("45")));

        Ace.Result diff = survivors.run("table-diff", "local", "public.rec_t", "--against-origin", "n3");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.diffKeys("id")).as("exactly the rows n3 wrote that n2 lacks").containsExactlyInAnyOrderElementsOf(n3Wrote);
        JsonNode summary = diff.diff().path("summary");
        assertThat(summary.path("against_origin").asString()).isEqualTo("n3");
        assertThat(summary.path("nodes").toString()).isEqualTo("[\"n1\",\"n2\"]");
        JsonNode n1Rows = diff.diff().path("diffs").path("n1/n2").path("rows").path("n1");
        assertThat(n1Rows.size()).isEqualTo(7);
        n1Rows.forEach(row -> {
            assertThat(row.path("_spock_metadata_").path("node_origin").asString()).isEqualTo("n3");
            assertThat(row.path("_spock_metadata_").path("commit_ts").asString()).endsWith("Z");
        });

        Ace.Result repair = survivors.run("table-repair", "local", "public.rec_t", "--diff-file", diff.diffFile().toString(),
                "--recovery-mode", "--preserve-origin");
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(0);
        assertThat(repair.out()).contains("from n1 (recovering n3's writes; source chosen by highest applied position: n1 applied to ")
                .contains("n2 inserted 5, updated 2, deleted 1, stale 0");
        for (int id : IntStream.concat(IntStream.rangeClosed(2001, 2005), IntStream.of(10, 1002)).toArray()) {
            assertThat(row("n2", id)).as("row %d on n2", id).isEqualTo(row("n1", id));
            assertThat(commitTime("n2", id)).as("n3's commit time of row %d on n2", id).isEqualTo(commitTime("n1", id));
            assertThat(originName("n2", id)).as("row %d on n2 is n3's change, as replication from n3 would have written it", id)
                    .isEqualTo(subscriptionOrigin("n2", "sub_n2_n3"));
        }
        assertThat(row("n2", 1001)).isEqualTo("missing");
        assertThat(row("n2", 45)).as("n2's own write is not n3's: left alone").isEqualTo("n2 only|");
        assertThat(row("n2", 4001)).isEqualTo("n2 own|");

        Ace.Result rerun = survivors.run("table-rerun", "local", "public.rec_t", "--diff-file", diff.diffFile().toString());
        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(0);
    }

    @Test
    void recoveryNeedsADiffOfAFailedNodesWrites() {
        mesh.sql("INSERT INTO public.rec_t VALUES (9001, 'x', NULL) ON CONFLICT DO NOTHING", "n1");
        await("the row to reach n2").atMost(Duration.ofSeconds(60)).until(() -> !row("n2", 9001).equals("missing"));
        mesh.unreplicated("n2", "DELETE FROM public.rec_t WHERE id = 9001");
        Ace.Result diff = survivors.run("table-diff", "local", "public.rec_t", "--nodes", "n1,n2");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        Ace.Result repair = survivors.run("table-repair", "local", "public.rec_t", "--diff-file", diff.diffFile().toString(), "--recovery-mode");
        assertThat(repair.exitCode()).isEqualTo(64);
        assertThat(repair.err()).contains("run table-diff --against-origin NODE first");
        assertThat(row("n2", 9001)).isEqualTo("missing");
        // the other test compares the whole table
        mesh.sql("DELETE FROM public.rec_t WHERE id = 9001", "n1");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String row(String node, int id) {
        return text(node, "SELECT v || '|' || coalesce(note, '') FROM public.rec_t WHERE id = " + id);
    }

    private static String commitTime(String node, int id) {
        return text(node, "SELECT pg_xact_commit_timestamp(xmin)::text FROM public.rec_t WHERE id = " + id);
    }

    private static String originName(String node, int id) {
        return text(node, "SELECT o.roname FROM public.rec_t t JOIN pg_replication_origin o"
                + " ON o.roident = (pg_xact_commit_timestamp_origin(t.xmin)).roident WHERE t.id = " + id);
    }

    private static String subscriptionOrigin(String node, String subscription) {
        return text(node, "SELECT sub_slot_name FROM pglogical.subscription WHERE sub_name = '" + subscription + "'");
    }

    private static String text(String node, String sql) {
        try (var c = mesh.connect(node); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "missing";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
