package io.ace.mtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * On a three-node pglogical mesh: trees on n1 and n2 follow replicated changes, find a change
 * made on one node only, and nothing of ACE's (schema, rows, publication, slot) ever reaches
 * another node or a replication set; the mesh keeps replicating.
 */
@OnCluster(OnCluster.Kind.PGLOGICAL)
class MerkleTreeOnPglogicalMeshTest {

    private static final String OURS = "SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = 'ace_mtree')"
            + " + (SELECT count(*) FROM pg_publication WHERE pubname = 'ace_mtree')"
            + " + (SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'ace_mtree%')";
    private static final String IN_REPLICATION_SETS = "SELECT count(*) FROM pglogical.replication_set_table t"
            + " JOIN pg_class c ON c.oid = t.set_reloid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'ace_mtree'";
    private static final String NOT_REPLICATING = "SELECT count(*) FROM pglogical.show_subscription_status() WHERE status <> 'replicating'";

    static String value(LocalCluster mesh, String node, int id) {
        try (var c = mesh.connect(node); var st = c.createStatement();
             var rs = st.executeQuery("SELECT v FROM public.mesh_mt WHERE id = " + id)) {
            return rs.next() ? rs.getString(1) : "missing";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void treesFollowTheMeshAndNothingOfOursReplicates(LocalCluster mesh, Ace ace) {
        TreeFixtures trees = new TreeFixtures(mesh, ace);
        mesh.sql("DROP TABLE IF EXISTS public.mesh_mt; CREATE TABLE public.mesh_mt (id int PRIMARY KEY, v text);"
                + "SELECT pglogical.replication_set_add_table('default', 'public.mesh_mt'::regclass, synchronize_data := false)");
        mesh.sql("INSERT INTO public.mesh_mt SELECT g, 'orig' FROM generate_series(1, 3000) g", "n1");
        await("the rows to replicate").atMost(Duration.ofSeconds(60)).until(() -> mesh.count("n2", "SELECT count(*) FROM public.mesh_mt") == 3000
                && mesh.count("n3", "SELECT count(*) FROM public.mesh_mt") == 3000);

        trees.expect(0, trees.mtree("init", "local", "--nodes", "n1,n2"));
        try {
            trees.expect(0, trees.mtree("build", "local", "public.mesh_mt", "--nodes", "n1,n2", "--block-size", "100"));
            mesh.sql("UPDATE public.mesh_mt SET v = 'replicated' WHERE id % 100 = 0", "n1");
            await("the update to reach n2").atMost(Duration.ofSeconds(60)).until(() -> value(mesh, "n2", 3000).equals("replicated"));
            Ace.Result same = trees.expect(0, trees.mtree("table-diff", "local", "public.mesh_mt", "--nodes", "n1,n2"));
            assertThat(same.out()).contains("n1: 30 changes captured").contains("n2: 30 changes captured");

            // a change on n2 alone: written under a replication origin, which pglogical does not forward
            mesh.sql("SELECT pg_replication_origin_create('test_divergence') WHERE NOT EXISTS "
                    + "(SELECT 1 FROM pg_replication_origin WHERE roname = 'test_divergence'); "
                    + "SELECT pg_replication_origin_session_setup('test_divergence'); "
                    + "UPDATE public.mesh_mt SET v = 'only on n2' WHERE id = 1234; SELECT pg_replication_origin_session_reset()", "n2");
            Ace.Result diverged = trees.expect(1, trees.mtree("table-diff", "local", "public.mesh_mt", "--nodes", "n1,n2"));
            assertThat(diverged.diffKeys("id")).containsExactly("1234");

            // a canary written after all of it on n2 arrives on n3 first: had ACE's objects travelled, they would be there
            mesh.sql("INSERT INTO public.mesh_mt VALUES (100000, 'canary')", "n2");
            await("the canary to reach n3").atMost(Duration.ofSeconds(60)).until(() -> value(mesh, "n3", 100000).equals("canary"));
            assertThat(mesh.count("n3", OURS)).as("none of ACE's objects on n3").isZero();
            assertThat(mesh.count("n1", "SELECT count(*) FROM pg_publication_tables WHERE pubname = 'ace_mtree'")).isEqualTo(1);
            for (String node : mesh.nodeNames()) {
                assertThat(mesh.count(node, IN_REPLICATION_SETS)).as(node).isZero();
                assertThat(mesh.count(node, NOT_REPLICATING)).as(node + "'s subscriptions").isZero();
            }
        } finally {
            trees.expect(0, trees.mtree("teardown", "local", "--nodes", "n1,n2"));
        }
        for (String node : mesh.nodeNames()) {
            assertThat(mesh.count(node, OURS)).as(node).isZero();
        }
    }
}
