package io.ace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.LocalCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill} (SIGTERM) of {@code scripts/ace table-diff} while a long hashing statement runs:
 * the statement is cancelled on the nodes, which do not go on working for a process that is gone.
 */
class StopCancelsNodeStatementsIT {

    private static final String ACE_SESSIONS = "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE application_name = 'ace'";

    @Test
    void sigtermCancelsTheRunningStatementsOnTheNodes(@TempDir Path home) throws Exception {
        LocalCluster cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.slow; CREATE TABLE public.slow (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.slow SELECT g, md5(g::text) FROM generate_series(1, 200000) g; ANALYZE public.slow", "n1", "n2");
        // an IMMUTABLE but costly condition: one hashing statement over the table takes a minute or more per node
        ProcessBuilder pb = new ProcessBuilder(LocalCluster.projectRoot().resolve("scripts/ace").toString(), "table-diff", "local",
                "public.slow", "--nodes", "n1,n2", "--block-size", "1000000", "--table-filter", "md5(repeat(v, 8000)) <> ''",
                "--output-dir", home.resolve("out").toString(), "--quiet");
        pb.environment().put("ACE_PGSERVICEFILE", cluster.serviceFile().toString());
        pb.environment().put("ACE_HOME", home.toString());
        pb.redirectOutput(home.resolve("stdout").toFile()).redirectError(home.resolve("stderr").toFile());
        Process ace = pb.start();
        try {
            // the statement that hashes the table's inner ranges, the longest by far, has been running for a while
            await().atMost(Duration.ofSeconds(120)).until(() -> cluster.count("n1", ACE_SESSIONS
                    + " AND state = 'active' AND query LIKE 'SELECT b.ord%md5(repeat%' AND now() - query_start > interval '2 seconds'") > 0);
            ace.destroy();
            assertThat(ace.waitFor(60, TimeUnit.SECONDS)).as("the process ends").isTrue();
            for (String node : List.of("n1", "n2")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> cluster.count(node, ACE_SESSIONS) == 0);
            }
        } finally {
            ace.destroyForcibly();
        }
    }
}
