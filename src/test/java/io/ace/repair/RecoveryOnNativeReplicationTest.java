package io.ace.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failed-node recovery on PostgreSQL's own logical replication: n2 and n3 subscribe to n1's
 * publication; n3's subscription stops, n1 writes, n2 receives it, then n1 cannot be reached. The
 * origin of a native subscription is {@code pg_<subscription oid>}, and its provider is found by
 * the address in its connection string.
 */
@OnCluster
class RecoveryOnNativeReplicationTest {

    static LocalCluster cluster;
    static Ace survivors;

    @BeforeAll
    static void setUp(LocalCluster localCluster, @TempDir Path dir) throws IOException {
        cluster = localCluster;
        dropAll();
        cluster.sql("CREATE TABLE public.nrec (id int PRIMARY KEY, v text); INSERT INTO public.nrec SELECT g, 'seed' FROM generate_series(1, 20) g",
                "n1", "n2", "n3");
        cluster.sql("CREATE PUBLICATION nrec_pub FOR TABLE public.nrec", "n1");
        for (String node : new String[] {"n2", "n3"}) {
            cluster.sql("CREATE SUBSCRIPTION nrec_sub_" + node + " CONNECTION 'host=127.0.0.1 port=" + cluster.port("n1")
                    + " dbname=acedb user=ace password=" + LocalCluster.PASSWORD + "' PUBLICATION nrec_pub WITH (copy_data = false)", node);
        }
        await("both subscriptions to stream from n1").atMost(Duration.ofSeconds(60)).until(() ->
                cluster.count("n1", "SELECT count(*) FROM pg_stat_replication WHERE application_name LIKE 'nrec_sub_%'") == 2);
        // n1 cannot be reached by ACE (a wrong password): its address, which the subscriptions name, stays the same
        Path serviceFile = dir.resolve("pg_service.conf");
        StringBuilder text = new StringBuilder();
        boolean inN1 = false;
        for (String line : Files.readString(cluster.serviceFile()).split("\n")) {
            inN1 = line.startsWith("[") ? line.equals("[local.n1]") : inN1;
            text.append(inN1 && line.startsWith("password=") ? "password=not-the-password" : line).append('\n');
        }
        Files.writeString(serviceFile, text.toString());
        survivors = new Ace(serviceFile, dir.resolve("home"));
    }

    @AfterAll
    static void dropAll() {
        if (survivors != null) {
            survivors.close();
        }
        for (String node : new String[] {"n2", "n3"}) {
            cluster.sql("DROP SUBSCRIPTION IF EXISTS nrec_sub_" + node, node);
        }
        cluster.sql("DROP PUBLICATION IF EXISTS nrec_pub; DROP TABLE IF EXISTS public.nrec", "n1", "n2", "n3");
    }

    @Test
    void theSurvivorThatReceivedMoreOfTheFailedNodesStreamRepairsTheOther() {
        cluster.sql("ALTER SUBSCRIPTION nrec_sub_n3 DISABLE", "n3");
        await("n3 to stop receiving from n1").atMost(Duration.ofSeconds(30)).until(() ->
                cluster.count("n1", "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'nrec_sub_n3'") == 0);
        cluster.sql("INSERT INTO public.nrec VALUES (100, 'n1 late')", "n1");
        cluster.sql("UPDATE public.nrec SET v = 'n1 changed' WHERE id = 3", "n1");
        await("n2 to receive n1's writes").atMost(Duration.ofSeconds(60)).until(() ->
                cluster.count("n2", "SELECT count(*) FROM public.nrec WHERE id = 100 OR v = 'n1 changed'") == 2);
        // n3's own write: not n1's, so not recovered
        cluster.sql("UPDATE public.nrec SET v = 'n3 own' WHERE id = 7", "n3");

        Ace.Result diff = survivors.run("table-diff", "local", "public.nrec", "--against-origin", "n1", "--nodes", "n2,n3");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.diffKeys("id")).containsExactlyInAnyOrder("100", "3");

        Ace.Result repair = survivors.run("table-repair", "local", "public.nrec", "--diff-file", diff.diffFile().toString(),
                "--recovery-mode", "--preserve-origin");
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(0);
        assertThat(repair.out()).contains("from n2 (recovering n1's writes; source chosen by highest applied position")
                .contains("n3 inserted 1, updated 1, deleted 0");
        for (int id : new int[] {100, 3}) {
            assertThat(text("n3", "SELECT v FROM public.nrec WHERE id = " + id)).isEqualTo(text("n2", "SELECT v FROM public.nrec WHERE id = " + id));
            assertThat(text("n3", "SELECT pg_xact_commit_timestamp(xmin)::text FROM public.nrec WHERE id = " + id))
                    .as("n1's commit time of row %d", id).isEqualTo(text("n2", "SELECT pg_xact_commit_timestamp(xmin)::text FROM public.nrec WHERE id = " + id));
            assertThat(text("n3", "SELECT o.roname FROM public.nrec t JOIN pg_replication_origin o ON o.roident ="
                    + " (pg_xact_commit_timestamp_origin(t.xmin)).roident WHERE t.id = " + id))
                    .isEqualTo(text("n3", "SELECT 'pg_' || oid FROM pg_subscription WHERE subname = 'nrec_sub_n3'"));
        }
        assertThat(text("n3", "SELECT v FROM public.nrec WHERE id = 7")).isEqualTo("n3 own");
    }

    private static String text(String node, String sql) {
        try (var c = cluster.connect(node); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "missing";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
