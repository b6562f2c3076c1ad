package io.ace.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a real three-node pglogical mesh (every node subscribes to every other, forward_origins '{}'):
 * a repair writes to its target only, and after repairing every node all three agree.
 */
@OnCluster(OnCluster.Kind.PGLOGICAL)
class RepairOnPglogicalMeshTest {

    static LocalCluster mesh;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        mesh = localCluster;
        ace = classAce;
    }

    static String value(String node, int id) {
        try (var c = mesh.connect(node); var st = c.createStatement();
             var rs = st.executeQuery("SELECT coalesce(v, 'NULL') FROM public.mesh_t WHERE id = " + id)) {
            return rs.next() ? rs.getString(1) : "missing";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void repairOfOneNodeDoesNotReplicateAndAllAgreeAfterwards() throws Exception {
        mesh.sql("DROP TABLE IF EXISTS public.mesh_t; CREATE TABLE public.mesh_t (id int PRIMARY KEY, v text);"
                + "SELECT pglogical.replication_set_add_table('default', 'public.mesh_t'::regclass, synchronize_data := false)");
        mesh.sql("INSERT INTO public.mesh_t SELECT g, 'orig' || g FROM generate_series(1, 100) g", "n1");
        await("the rows to replicate to n2 and n3").atMost(Duration.ofSeconds(30)).until(() -> mesh.count("n2", "SELECT count(*) FROM public.mesh_t") == 100
                && mesh.count("n3", "SELECT count(*) FROM public.mesh_t") == 100);

        mesh.unreplicated("n2", "UPDATE public.mesh_t SET v = 'bad2' WHERE id = 5; DELETE FROM public.mesh_t WHERE id = 6;"
                + " INSERT INTO public.mesh_t VALUES (1000, 'only on n2')");
        mesh.unreplicated("n3", "UPDATE public.mesh_t SET v = 'bad3' WHERE id = 5");
        // a replicated write still travels: the mesh is live
        mesh.sql("UPDATE public.mesh_t SET v = 'live' WHERE id = 50", "n1");
        await("the live update to reach n3").atMost(Duration.ofSeconds(30)).until(() -> value("n3", 50).equals("live"));
        assertThat(value("n2", 5)).isEqualTo("bad2");
        assertThat(value("n3", 5)).isEqualTo("bad3");

        Ace.Result diff = ace.run("table-diff", "local", "public.mesh_t", "--nodes", "n1,n2");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        Ace.Result repair = ace.run("table-repair", "local", "public.mesh_t", "--diff-file", diff.diffFile().toString(),
                "--source-of-truth", "n1");
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(0);
        assertThat(repair.out()).contains("n2 inserted 1, updated 1, deleted 1");
        assertThat(value("n2", 5)).isEqualTo("orig5");
        assertThat(value("n2", 6)).isEqualTo("orig6");
        assertThat(value("n2", 1000)).isEqualTo("missing");
        // give replication time to (wrongly) carry the repair: a canary written after it on n2 must arrive first
        mesh.sql("INSERT INTO public.mesh_t VALUES (2000, 'canary')", "n2");
        await("the canary to reach n3").atMost(Duration.ofSeconds(30)).until(() -> value("n3", 2000).equals("canary"));
        assertThat(value("n3", 5)).as("n2's repair did not replicate to n3").isEqualTo("bad3");

        Ace.Result all = ace.run("table-diff", "local", "public.mesh_t");
        assertThat(all.exitCode()).isEqualTo(1);
        Ace.Result repairAll = ace.run("table-repair", "local", "public.mesh_t", "--diff-file", all.diffFile().toString(),
                "--source-of-truth", "n1");
        assertThat(repairAll.exitCode()).as(repairAll.toString()).isEqualTo(0);
        mesh.sql("INSERT INTO public.mesh_t VALUES (2001, 'canary')", "n3");
        await("the second canary to reach n1 and n2").atMost(Duration.ofSeconds(30)).until(() -> value("n1", 2001).equals("canary") && value("n2", 2001).equals("canary"));
        assertThat(ace.run("table-diff", "local", "public.mesh_t").exitCode()).isEqualTo(0);
        assertThat(value("n1", 5)).isEqualTo("orig5");
    }
}
