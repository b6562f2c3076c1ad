package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.AceProcess;
import io.ace.testing.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The operator's view of a crash: {@code kill -9} of {@code scripts/ace table-diff} partway,
 * then the same command with the same run key recovers the dead execution, re-hashes no
 * committed block, and reports the same differences as an uninterrupted run.
 */
class KillAndResumeIT {

    private static final int BLOCKS = 300;

    @Test
    void killedRunResumesWithTheSameRunKey(@TempDir Path home) throws Exception {
        LocalCluster cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.killme; CREATE TABLE public.killme (id int PRIMARY KEY, v text, n numeric);"
                + "INSERT INTO public.killme SELECT g, md5(g::text), g / 7.0 FROM generate_series(1, 300000) g; ANALYZE public.killme;",
                "n1", "n2");
        cluster.sql("UPDATE public.killme SET n = n + 1 WHERE id % 9973 = 0", "n2");

        AceProcess ace = new AceProcess(cluster, home, null);
        Process first = ace.start(command(home, "kill-test"));
        long blocksBeforeKill = waitForBlocks(home, 40, first);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long committedAfterKill = committedBlocks(home);
        assertThat(committedAfterKill).as("killed partway").isBetween(blocksBeforeKill, (long) BLOCKS - 1);

        Ace.Result resumed = ace.run(Duration.ofSeconds(300), command(home, "kill-test"));
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);

        Ace.Result clean = ace.run(Duration.ofSeconds(300), command(home, "kill-test-clean"));
        assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(1);

        JsonNode a = resumed.diff();
        JsonNode b = clean.diff();
        assertThat(a.get("diffs")).isEqualTo(b.get("diffs"));
        assertThat(a.get("summary").get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(30);
        assertThat(a.get("summary").get("total_rows_checked").asLong()).isEqualTo(300000);
        // the resumed execution hashed only what the killed one had not committed
        assertThat(blocksHashedByLastExecution(home, "kill-test")).isEqualTo(BLOCKS - committedAfterKill);

        assertThat(ace.run(Duration.ofSeconds(120), command(home, "kill-test")).exitCode()).isEqualTo(4);
    }

    private static String[] command(Path home, String runKey) {
        return new String[] {"table-diff", "local", "public.killme", "--nodes", "n1,n2", "--block-size", "1000",
            "--concurrency-factor", "0.5", "--run-key", runKey, "--output-dir", home.resolve("out").toString()};
    }

    private static Connection repository(Path home) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + home.resolve("repository") + ";AUTO_SERVER=TRUE", "sa", "");
    }

    private static long committedBlocks(Path home) throws Exception {
        if (!Files.exists(home.resolve("repository.mv.db"))) {
            return 0;
        }
        try (Connection c = repository(home); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ACE_DIFF_BLOCK'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return 0;
            }
        }
        try (Connection c = repository(home); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM ACE_DIFF_BLOCK")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long waitForBlocks(Path home, long atLeast, Process p) {
        return Awaitility.await(atLeast + " committed blocks").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    assertThat(p.isAlive()).as("the run ended before it could be killed").isTrue();
                    return committedBlocks(home);
                }, n -> n >= atLeast);
    }

    /** Blocks compared (the partitions' read counts) by the run key's last execution. */
    private static long blocksHashedByLastExecution(Path home, String runKey) throws Exception {
        try (Connection c = repository(home); ResultSet rs = c.createStatement().executeQuery("""
                SELECT sum(s.READ_COUNT) FROM BATCH_STEP_EXECUTION s
                WHERE s.STEP_NAME LIKE 'hash-partition:%' AND s.JOB_EXECUTION_ID = (
                  SELECT max(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p
                    ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'run_key' AND p.PARAMETER_VALUE = '""" + runKey + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
