package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Leaving out CLUSTER works on every door, as the help promises: the only cluster of the service
 * file (or ace.default-cluster) is used, and the run records its name, so restarts and history
 * find it.
 */
@OnCluster
class DefaultClusterTest {

    @Test
    void theCommandLineTheApiAndTheFormUseTheDefaultCluster(LocalCluster cluster, @TempDir Path home) {
        cluster.sql("DROP TABLE IF EXISTS public.tiny; CREATE TABLE public.tiny (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.tiny SELECT g, 'v' FROM generate_series(1, 3) g", "n1", "n2", "n3", "n4");
        try (Ace ace = new Ace(cluster.serviceFile(), home.resolve("cli"))) {
            Ace.Result diff = ace.run("table-diff", "public.tiny");
            assertThat(diff.exitCode()).as(diff.toString()).isZero();
            assertThat(diff.err()).doesNotContain("must not be null");
            Ace.Result listed = ace.run("jobs", "list");
            assertThat(listed.out()).contains("local public.tiny");
        }
        try (Serve serve = new Serve(cluster.serviceFile(), home.resolve("serve"))) {
            HttpResponse<String> api = serve.send("POST", "/api/v1/table-diff", "operator", "{\"table_name\":\"public.tiny\"}");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(202);
            assertThat(Serve.json(api).path("command").asString()).isEqualTo("scripts/ace table-diff public.tiny");
            JsonNode done = serve.awaitEnd(Serve.json(api).path("execution_id").asLong(), Duration.ofSeconds(90));
            assertThat(done.path("exit_code").asInt()).as(done.toString()).isZero();
            assertThat(done.path("cluster").asString()).isEqualTo("local");

            HttpResponse<String> form = serve.postForm("operator", "/launch?operation=table-diff", "/launch",
                    Map.of("operation", "table-diff", "cluster", "", "table", "public.tiny"));
            assertThat(form.statusCode()).as(form.body()).isEqualTo(302);
            assertThat(form.headers().firstValue("Location").orElse("")).contains("/executions/");
        }
    }
}
