package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.batch.RunSubmitter;
import io.ace.testing.BusySessions;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serve admits one run at a time and one run paused by {@code --max-load}: a run that waits for a
 * busy node gives its slot to the next launch, which runs to its end meanwhile; a second paused
 * run keeps its slot, so a launch beyond both is refused; once the node is quiet both paused runs
 * take a slot in turn and complete.
 */
@OnCluster
class PausedRunsAdmissionTest {

    @TempDir
    static Path home;
    static LocalCluster cluster;
    static Serve serve;

    @BeforeAll
    static void start(LocalCluster localCluster) {
        cluster = localCluster;
        cluster.sql("DROP TABLE IF EXISTS public.admitted; CREATE TABLE public.admitted (id int PRIMARY KEY, v text);"
                + " INSERT INTO public.admitted SELECT g, 'v' FROM generate_series(1, 3000) g", "n1", "n2");
        cluster.sql("UPDATE public.admitted SET v = 'w' WHERE id IN (5, 2500)", "n2");
        serve = new Serve(cluster.serviceFile(), home, "ace.serve.max-runs=1", "ace.serve.max-paused-runs=1");
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void aRunPausedByMaxLoadLetsAnotherRunWorkMeanwhile() {
        RunSubmitter submitter = serve.context().getBean(RunSubmitter.class);
        long first;
        long second;
        try (BusySessions busy = cluster.busySessions("n2", 2)) {
            first = launch("admit-paused-1", true);
            await("the first run to give its slot up while paused").atMost(Duration.ofSeconds(60))
                    .until(() -> submitter.load().paused() == 1 && submitter.load().running() == 0);

            long other = launch("admit-other", false);
            assertThat(serve.awaitEnd(other, Duration.ofSeconds(90)).path("exit_code").asInt()).isEqualTo(1);
            assertThat(status(first)).as("still paused").isEqualTo("STARTED");

            second = launch("admit-paused-2", true);
            HttpResponse<String> beyond = serve.send("POST", "/api/v1/table-diff", "operator", body("admit-beyond", false));
            assertThat(beyond.statusCode()).as("one paused run without a slot at most: " + beyond.body()).isEqualTo(429);
            assertThat(status(first)).isEqualTo("STARTED");
        }
        assertThat(serve.awaitEnd(first, Duration.ofSeconds(120)).path("exit_code").asInt()).isEqualTo(1);
        assertThat(serve.awaitEnd(second, Duration.ofSeconds(120)).path("exit_code").asInt()).isEqualTo(1);
        await("every slot free").atMost(Duration.ofSeconds(10)).until(() -> submitter.load().running() == 0 && submitter.load().paused() == 0);
    }

    private static long launch(String runKey, boolean throttled) {
        HttpResponse<String> launched = serve.send("POST", "/api/v1/table-diff", "operator", body(runKey, throttled));
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
        return Serve.json(launched).path("execution_id").asLong();
    }

    private static String body(String runKey, boolean throttled) {
        return "{\"cluster_name\":\"local\",\"table_name\":\"public.admitted\",\"nodes\":[\"n1\",\"n2\"],\"block_size\":500,\"run_key\":\""
                + runKey + "\"" + (throttled ? ",\"max_load\":1" : "") + "}";
    }

    private static String status(long execution) {
        return Serve.json(serve.send("GET", "/api/v1/executions/" + execution, "viewer", null)).path("status").asString();
    }
}
