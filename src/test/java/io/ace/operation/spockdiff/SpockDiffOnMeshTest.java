package io.ace.operation.spockdiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** spock-diff on a real three-node pglogical mesh, as configured and after drifting on one node. */
@OnCluster(OnCluster.Kind.PGLOGICAL)
class SpockDiffOnMeshTest {

    static LocalCluster mesh;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        mesh = localCluster;
        ace = classAce;
    }

    @AfterEach
    void restore() {
        mesh.sql("SELECT pglogical.alter_subscription_enable('sub_n2_n1', true)", "n2");
        mesh.sql("SELECT pglogical.replication_set_remove_table('default', c.oid) FROM pg_class c WHERE c.oid IN "
                + "(SELECT set_reloid FROM pglogical.replication_set_table) AND c.relname IN ('sp_t', 'sp_nokey');"
                + "DROP TABLE IF EXISTS public.sp_t, public.sp_nokey");
        await("every subscription to replicate again").atMost(Duration.ofSeconds(60)).until(() -> mesh.nodeNames().stream().allMatch(n ->
                mesh.count(n, "SELECT count(*) FROM pglogical.show_subscription_status() WHERE status <> 'replicating'") == 0));
    }

    static List<String> texts(JsonNode findings) {
        List<String> texts = new ArrayList<>();
        findings.forEach(f -> texts.add(f.path("nodes").asString() + " " + f.path("what").asString()));
        return texts;
    }

    @Test
    void theMeshAsConfiguredHasNoMismatch() {
        Ace.Result run = ace.run("spock-diff", "local");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        JsonNode summary = Ace.summary(run);
        assertThat(summary.path("summary").path("replication").path("n2").asString()).isEqualTo("pglogical");
        assertThat(summary.path("mismatches")).isEmpty();
        JsonNode n1 = summary.path("nodes").get(0);
        assertThat(n1.path("local_node").asString()).isEqualTo("n1");
        assertThat(n1.path("subscriptions").get(0).path("forward_origins")).isEmpty();
        assertThat(run.out()).contains("configured alike").contains("n1: pglogical node n1, 2 subscription(s)");
        assertThat(run.out()).doesNotContain(LocalCluster.PASSWORD);
    }

    @Test
    void aDisabledSubscriptionAndATableLeftOutOfASetOnOneNodeAreMismatches() throws Exception {
        mesh.sql("CREATE TABLE public.sp_t (id int PRIMARY KEY); SELECT pglogical.replication_set_add_table('default', 'public.sp_t'::regclass)");
        mesh.sql("SELECT pglogical.replication_set_remove_table('default', 'public.sp_t'::regclass)", "n3");
        mesh.sql("CREATE TABLE public.sp_nokey (id int CONSTRAINT sp_nokey_key PRIMARY KEY, v text);"
                + "SELECT pglogical.replication_set_add_table('default', 'public.sp_nokey'::regclass);"
                + "ALTER TABLE public.sp_nokey DROP CONSTRAINT sp_nokey_key");
        mesh.sql("SELECT pglogical.alter_subscription_disable('sub_n2_n1', true)", "n2");

        Ace.Result run = ace.run("spock-diff", "local", "--output", "html");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode summary = Ace.summary(run);
        List<String> mismatches = texts(summary.path("mismatches"));
        assertThat(mismatches).contains("n1/n2 subscription sub_n2_n1 on n2 (from n1) is disabled",
                "n1/n3 table public.sp_t is in set(s) default on n1 but in no set on n3",
                "n2/n3 table public.sp_t is in set(s) default on n2 but in no set on n3");
        assertThat(texts(summary.path("hints"))).contains("n3 table public.sp_t on n3 is in no replication set: its changes are not replicated")
                .anyMatch(h -> h.startsWith("n1 table public.sp_nokey on n1 has no primary key") && h.contains("replicates updates"));
        assertThat(run.out()).contains("mismatch n1/n2: subscription sub_n2_n1 on n2 (from n1) is disabled");
        Path html = Path.of(run.out().lines().filter(l -> l.startsWith("report: ")).findFirst().orElseThrow().substring(8));
        assertThat(Files.readString(html)).contains("sub_n2_n1").contains("disabled").contains("public.sp_t").doesNotContain(LocalCluster.PASSWORD);
    }
}
