package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.catalog.TableName;
import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.SessionBudget;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The re-check engine on real nodes: recorded differences are compared with the nodes by row
 * hash, and only a key whose rows changed is read again in full.
 */
@OnCluster
class KeyRecheckTest {

    private static List<String> key(int id) {
        return List.of(Integer.toString(id));
    }

    @Test
    void tellsResolvedChangedAndAsRecordedApart(LocalCluster cluster) throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.krecheck; CREATE TABLE public.krecheck (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.krecheck SELECT g, 'v' || g FROM generate_series(1, 10) g", "n1", "n2");
        cluster.sql("UPDATE public.krecheck SET v = 'old' WHERE id IN (2, 4, 6); DELETE FROM public.krecheck WHERE id = 8", "n2");
        ClusterDefinition definition = new ClusterRegistry(Map.of("ACE_PGSERVICEFILE", cluster.serviceFile().toString())::get,
                cluster.serviceFile().getParent(), null).cluster("local");
        try (ClusterSessions sessions = new ClusterSessions(definition, definition.select(List.of("n1", "n2")),
                new SessionBudget(4, Duration.ofSeconds(10)))) {
            ComparedTable table = new TablePreflight().check(sessions, TableName.parse("public.krecheck"), DiffOptions.defaults());
            List<KeyDifference> found;
            try (KeyRecheck recheck = new KeyRecheck(sessions, table)) {
                found = recheck.stillDiffering(List.of(key(1), key(2), key(4), key(6), key(8)));
            }
            assertThat(found).extracting(KeyDifference::key).containsExactly(key(2), key(4), key(6), key(8));
            List<KeyRecheck.Recorded> recorded = found.stream().map(d -> {
                Map<String, Long> hashes = new LinkedHashMap<>();
                d.rows().forEach((node, row) -> hashes.put(node, row.hash()));
                return new KeyRecheck.Recorded(d.key(), hashes);
            }).toList();

            // 2 repaired, 4 changed again (still differs), 6 untouched, 8 deleted on n1 too (no node has it)
            cluster.sql("UPDATE public.krecheck SET v = 'v2' WHERE id = 2; UPDATE public.krecheck SET v = 'newer' WHERE id = 4", "n2");
            cluster.sql("DELETE FROM public.krecheck WHERE id = 8", "n1");
            KeyRecheck.Current now;
            try (KeyRecheck recheck = new KeyRecheck(sessions, table)) {
                now = recheck.current(recorded);
            }
            assertThat(now.resolved()).containsExactly(0, 3);
            assertThat(now.changed()).containsOnlyKeys(1);
            assertThat(now.changed().get(1).rows().get("n2").values()).containsExactly("4", "newer");
            assertThat(now.asRecorded()).isFalse();
        }
    }
}
