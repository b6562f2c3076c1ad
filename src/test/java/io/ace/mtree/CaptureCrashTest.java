package io.ace.mtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ace.catalog.TableName;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.SessionBudget;
import io.ace.diff.DiffOptions;
import io.ace.diff.TablePreflight;
import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A capture that dies after reading changes and before their marks commit (an update's drain, or
 * the listener) leaves the slot where it was: the next update reads the changes again and the
 * diff finds them.
 */
@OnCluster
class CaptureCrashTest {

    private static final String SLOT_OF_THIS_DATABASE = " FROM pg_replication_slots WHERE slot_name LIKE 'ace_mtree_%'"
            + " AND database = current_database()";

    @Test
    void aCaptureDyingBetweenCaptureAndCommitLosesNothing(LocalCluster cluster, Ace ace) throws Exception {
        TreeFixtures trees = new TreeFixtures(cluster, ace);
        trees.expect(0, trees.mtree("init", "local", "--nodes", "n1,n2"));
        try {
            cluster.sql("DROP TABLE IF EXISTS public.mt_crash; CREATE TABLE public.mt_crash (id int PRIMARY KEY, v text);"
                    + "INSERT INTO public.mt_crash SELECT g, 'v' FROM generate_series(1, 3000) g; ANALYZE public.mt_crash", "n1", "n2");
            trees.expect(0, trees.mtree("build", "local", "public.mt_crash", "--nodes", "n1,n2", "--block-size", "100"));
            trees.expect(0, trees.mtree("update", "local", "public.mt_crash", "--nodes", "n1,n2"));
            cluster.sql("UPDATE public.mt_crash SET v = 'captured, then the capture died' WHERE id = 70", "n2");
            // the slot may be confirmed up to the change's commit record (a keepalive between the row's record and the commit
            // reports the row's end), never past it: the transaction is then decoded again
            String afterChange = trees.text("n2", "SELECT pg_current_wal_insert_lsn()::text");

            CaptureHook crash = node -> {
                throw new IllegalStateException("capture died on " + node + " before its marks committed");
            };
            ClusterDefinition local = ace.context().getBean(ClusterRegistry.class).cluster("local");
            try (ClusterSessions sessions = new ClusterSessions(local, local.select(List.of("n1", "n2")), ace.context().getBean(SessionBudget.class))) {
                TableShape shape = new TablePreflight().check(sessions, TableName.parse("public.mt_crash"), DiffOptions.defaults()).shape();
                assertThatThrownBy(() -> new TreeUpdate(sessions, shape, crash).run()).hasMessageContaining("capture died on n2");
                try (TreeListener listener = new TreeListener(sessions, crash)) {
                    assertThatThrownBy(() -> listener.round(3_000)).hasMessageContaining("capture died on n2");
                }
            }
            assertThat(trees.text("n2", "SELECT (confirmed_flush_lsn < '" + afterChange + "'::pg_lsn)::text" + SLOT_OF_THIS_DATABASE))
                    .as("the slot was not confirmed past the lost marks").isEqualTo("true");
            assertThat(cluster.count("n2", "SELECT count(*) FROM ace_mtree.change")).isZero();

            Ace.Result diff = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_crash", "--nodes", "n1,n2"));
            assertThat(diff.diffKeys("id")).containsExactly("70");
            assertThat(diff.out()).contains("n2: 1 changes captured");
        } finally {
            trees.expect(0, trees.mtree("teardown", "local", "--nodes", "n1,n2"));
        }
    }
}
