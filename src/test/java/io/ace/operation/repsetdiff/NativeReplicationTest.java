package io.ace.operation.repsetdiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * repset-diff and spock-diff on PostgreSQL's own logical replication: a publication with a row
 * filter and a column list on three nodes of the plain cluster, n2 and n3 subscribing to n1's.
 */
@OnCluster
class NativeReplicationTest {

    static final String[] NODES = {"n1", "n2", "n3"};

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
        dropAll();
        cluster.sql("""
                CREATE TABLE public.nat_a (id int PRIMARY KEY, v text);
                CREATE TABLE public.nat_f (id int PRIMARY KEY, v text);
                CREATE TABLE public.nat_c (id int PRIMARY KEY, a text, b text);
                INSERT INTO public.nat_a SELECT g, 'v' FROM generate_series(1, 100) g;
                INSERT INTO public.nat_f SELECT g, 'v' FROM generate_series(1, 100) g;
                INSERT INTO public.nat_c SELECT g, 'a', 'b' FROM generate_series(1, 100) g;
                CREATE PUBLICATION nat_pub FOR TABLE public.nat_a, public.nat_f WHERE (id % 2 = 0), public.nat_c (id, a);
                """, NODES);
        for (String node : new String[] {"n2", "n3"}) {
            cluster.sql("CREATE SUBSCRIPTION nat_sub_" + node + " CONNECTION 'host=127.0.0.1 port=" + cluster.port("n1")
                    + " dbname=acedb user=ace password=" + LocalCluster.PASSWORD + "' PUBLICATION nat_pub WITH (copy_data = false)", node);
        }
        await("both subscriptions to stream from n1").atMost(Duration.ofSeconds(60)).until(() ->
                cluster.count("n1", "SELECT count(*) FROM pg_stat_replication WHERE application_name LIKE 'nat_sub_%'") == 2);
        cluster.sql("INSERT INTO public.nat_a VALUES (1000, 'replicated')", "n1");
        await("a row written on n1 to reach n2 and n3").atMost(Duration.ofSeconds(60)).until(() ->
                cluster.count("n2", "SELECT count(*) FROM public.nat_a WHERE id = 1000") == 1
                        && cluster.count("n3", "SELECT count(*) FROM public.nat_a WHERE id = 1000") == 1);
        // written on n2 and n3 themselves: nobody subscribes to them
        cluster.sql("UPDATE public.nat_a SET v = 'diverged' WHERE id = 5; UPDATE public.nat_c SET b = 'not published' WHERE id = 1", "n2");
        cluster.sql("UPDATE public.nat_f SET v = 'filtered out' WHERE id % 2 = 1; UPDATE public.nat_c SET a = 'published' WHERE id = 2", "n3");
    }

    @AfterAll
    static void dropAll() {
        for (String node : new String[] {"n2", "n3"}) {
            cluster.sql("DROP SUBSCRIPTION IF EXISTS nat_sub_" + node, node);
        }
        cluster.sql("DROP PUBLICATION IF EXISTS nat_pub; DROP TABLE IF EXISTS public.nat_a, public.nat_f, public.nat_c", NODES);
    }

    @Test
    void aPublicationIsComparedUnderItsRowFilterAndColumnList() {
        Ace.Result run = ace.run("repset-diff", "local", "nat_pub", "--nodes", "n1,n2,n3");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode summary = Ace.summary(run);
        Map<String, JsonNode> tables = new HashMap<>();
        summary.path("tables").forEach(t -> tables.put(t.path("table").asString(), t));
        assertThat(tables.get("public.nat_a").path("status").asString()).isEqualTo("differed");
        assertThat(tables.get("public.nat_a").path("diff_rows_count").path("n1/n2").asInt()).isEqualTo(1);
        assertThat(tables.get("public.nat_f").path("status").asString()).isEqualTo("identical");
        assertThat(tables.get("public.nat_c").path("status").asString()).isEqualTo("differed");
        assertThat(tables.get("public.nat_c").path("diff_rows_count").path("n1/n3").asInt()).isEqualTo(1);
        assertThat(tables.get("public.nat_c").path("diff_rows_count").has("n1/n2")).isFalse();
        assertThat(summary.path("summary").path("node_replication").path("n2").asString()).startsWith("native; defines nat_pub");
    }

    @Test
    void columnsLeftOutOfEveryTableOrOfOneByAFileHideTheirDifferences(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("columns.txt"), "# per table\npublic.nat_c: --exclude-columns a\n");
        Ace.Result run = ace.run("repset-diff", "local", "nat_pub", "--nodes", "n1,n2,n3", "--exclude-columns", "v", "--columns-file", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        Map<String, JsonNode> tables = new HashMap<>();
        Ace.summary(run).path("tables").forEach(t -> tables.put(t.path("table").asString(), t));
        assertThat(tables.get("public.nat_a").path("status").asString()).as("its difference is in v").isEqualTo("identical");
        assertThat(tables.get("public.nat_c").path("status").asString()).as("its difference is in a, left out by the file").isEqualTo("identical");

        Path bad = Files.writeString(dir.resolve("bad.txt"), "public.nat_c --exclude-columns a\n");
        Ace.Result refused = ace.run("repset-diff", "local", "nat_pub", "--nodes", "n1,n2,n3", "--columns-file", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(64);
        assertThat(refused.err()).contains("bad.txt line 1");

        Path stranger = Files.writeString(dir.resolve("stranger.txt"), "public.nat_c: --exclude-columns a\npublic.nat_typo: --columns id\n");
        Ace.Result unknown = ace.run("repset-diff", "local", "nat_pub", "--nodes", "n1,n2,n3", "--columns-file", stranger.toString());
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(64);
        assertThat(unknown.err()).contains("the columns file names public.nat_typo, which replication set 'nat_pub' does not hold on any node");
    }

    @Test
    void subscriptionsThatAreNotReturnedAreMismatches() {
        Ace.Result run = ace.run("spock-diff", "local", "--nodes", "n1,n2,n3");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode summary = Ace.summary(run);
        assertThat(summary.path("summary").path("replication").path("n1").asString()).isEqualTo("native");
        List<String> mismatches = new ArrayList<>();
        summary.path("mismatches").forEach(m -> mismatches.add(m.path("nodes").asString() + " " + m.path("what").asString()));
        assertThat(mismatches).contains("n1/n2 n2 subscribes to n1 but n1 does not subscribe to n2",
                "n1/n3 n3 subscribes to n1 but n1 does not subscribe to n3");
        JsonNode n2 = summary.path("nodes").get(1);
        assertThat(n2.path("subscriptions").get(0).path("status").asString()).isEqualTo("replicating");
        assertThat(n2.path("subscriptions").get(0).path("provider_dsn").asString()).contains("port=" + cluster.port("n1"))
                .doesNotContain(LocalCluster.PASSWORD);
        assertThat(run.out()).doesNotContain(LocalCluster.PASSWORD);
    }
}
