package io.ace.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.SessionBudget;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fence on a pglogical mesh: a node whose subscriber has not applied what the node wrote
 * before the fence is named when the wait ends, and the wait ends as soon as it has.
 */
@OnCluster(OnCluster.Kind.PGLOGICAL)
class ReplicationFenceTest {

    @Test
    void namesTheNodeASubscriberIsBehindUntilItHasApplied(LocalCluster mesh) throws Exception {
        mesh.sql("DROP TABLE IF EXISTS public.fenced; CREATE TABLE public.fenced (id int PRIMARY KEY, v text);"
                + "SELECT pglogical.replication_set_add_table('default', 'public.fenced'::regclass, synchronize_data := false)");
        ClusterDefinition definition = new ClusterRegistry(Map.of("ACE_PGSERVICEFILE", mesh.serviceFile().toString())::get,
                mesh.serviceFile().getParent(), null).cluster("local");
        try (ClusterSessions sessions = new ClusterSessions(definition, definition.select(List.of("n1", "n2", "n3")),
                new SessionBudget(4, Duration.ofSeconds(10)));
             Connection blocker = mesh.connect("n2")) {
            assertThat(new ReplicationFence().await(sessions, Duration.ofSeconds(60)).laggingNodes()).as("an idle mesh").isEmpty();

            // n2's apply of n1's row waits for this lock: n1's subscriber n2 stays behind n1's fence
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("LOCK TABLE public.fenced IN ACCESS EXCLUSIVE MODE");
            }
            mesh.sql("INSERT INTO public.fenced VALUES (1, 'in flight')", "n1");
            await("n2's apply waits for the lock").atMost(Duration.ofSeconds(60)).until(() -> mesh.count("n2",
                    "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE backend_type LIKE 'pglogical apply%' AND wait_event_type = 'Lock'") == 1);
            ReplicationFence.Result held = new ReplicationFence().await(sessions, Duration.ofSeconds(1));
            assertThat(held.laggingNodes()).containsExactly("n1");
            assertThat(held.waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

            blocker.rollback();
            ReplicationFence.Result applied = new ReplicationFence().await(sessions, Duration.ofSeconds(60));
            assertThat(applied.laggingNodes()).isEmpty();
            assertThat(applied.waited()).isLessThan(Duration.ofSeconds(60));
            assertThat(mesh.count("n2", "SELECT count(*) FROM public.fenced")).isEqualTo(1);
        }
    }
}
