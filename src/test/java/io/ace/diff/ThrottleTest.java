package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.BusySessions;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Production courtesy: --max-load holds hashing back while a node is busier than allowed (the
 * summary counts the pauses), and --target-query-time keeps each hashing statement short.
 */
@OnCluster
class ThrottleTest {

    @Test
    void targetQueryTimeSizesHashingStatements(LocalCluster cluster, Ace ace) {
        cluster.sql("DROP TABLE IF EXISTS public.paced; CREATE TABLE public.paced (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.paced SELECT g, 'v' FROM generate_series(1, 20000) g; ANALYZE public.paced", "n1", "n2");
        cluster.sql("UPDATE public.paced SET v = 'w' WHERE id = 7777", "n2");
        Ace.Result whole = ace.run("table-diff", "local", "public.paced", "--nodes", "n1,n2", "--block-size", "500",
                "--concurrency-factor", "0.5");
        Ace.Result paced = ace.run("table-diff", "local", "public.paced", "--nodes", "n1,n2", "--block-size", "500",
                "--concurrency-factor", "0.5", "--target-query-time", "0.000001");
        JsonNode w = whole.diff().get("summary");
        JsonNode p = paced.diff().get("summary");
        int blocks = w.get("initial_ranges_count").asInt();
        assertThat(blocks).isGreaterThan(20);
        // one worker: 4 partitions, one statement each; paced to the minimum, one statement per block
        assertThat(w.get("hash_statements").asLong()).isEqualTo(4);
        assertThat(p.get("hash_statements").asLong()).isEqualTo(blocks);
        assertThat(paced.diff().get("diffs")).isEqualTo(whole.diff().get("diffs"));
    }

    @Test
    void hashingWaitsWhileANodeRunsMoreActiveSessionsThanMaxLoad(LocalCluster cluster, Ace ace) throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.busy; CREATE TABLE public.busy (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.busy SELECT g, 'v' FROM generate_series(1, 1000) g", "n1", "n2");
        cluster.sql("UPDATE public.busy SET v = 'w' WHERE id = 1", "n2");
        CompletableFuture<Ace.Result> run;
        try (BusySessions hold = cluster.busySessions("n2", 2)) {
            run = CompletableFuture.supplyAsync(() -> ace.run("table-diff", "local", "public.busy", "--nodes", "n1,n2", "--max-load", "1"));
            // held back for as long as the node stays busier than --max-load
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> !run.isDone());
        }
        Ace.Result r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode summary = r.diff().get("summary");
        assertThat(summary.get("throttle_pauses").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("throttle_paused_seconds").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(r.out()).contains("paused").contains("--max-load");
        assertThat(summary.get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(1);
    }
}
