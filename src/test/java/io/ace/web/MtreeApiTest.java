package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The Merkle-tree operations through {@code /api/v1/mtree/VERB}: launched as registered operations, administrators only. */
@OnCluster
class MtreeApiTest {

    @TempDir
    Path home;

    private static JsonNode run(Serve serve, String verb, String user, String body, int exitCode) {
        HttpResponse<String> launched = serve.send("POST", "/api/v1/mtree/" + verb, user, body);
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
        JsonNode ended = serve.awaitEnd(Serve.json(launched).path("execution_id").asLong(), Duration.ofSeconds(120));
        assertThat(ended.path("exit_code").asInt()).as(ended.toString()).isEqualTo(exitCode);
        return ended;
    }

    @Test
    void mtreeVerbsLaunchTheRegisteredOperations(LocalCluster cluster) {
        cluster.sql("DROP TABLE IF EXISTS public.mt_api; CREATE TABLE public.mt_api (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.mt_api SELECT g, 'v' FROM generate_series(1, 2000) g; ANALYZE public.mt_api", "n1", "n2");
        String nodes = "\"cluster_name\":\"local\",\"nodes\":[\"n1\",\"n2\"]";
        try (Serve serve = new Serve(cluster.serviceFile(), home)) {
            HttpResponse<String> refused = serve.send("POST", "/api/v1/mtree/init", "operator", "{" + nodes + "}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            HttpResponse<String> unknown = serve.send("POST", "/api/v1/mtree/no-such-verb", "admin", "{" + nodes + "}");
            assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);

            run(serve, "init", "admin", "{" + nodes + "}", 0);
            try {
                JsonNode built = run(serve, "build", "admin", "{" + nodes + ",\"table_name\":\"public.mt_api\",\"block_size\":100}", 0);
                assertThat(built.path("operation").asString()).isEqualTo("mtree-build");
                cluster.sql("UPDATE public.mt_api SET v = 'w' WHERE id = 1500", "n2");
                run(serve, "table-diff", "admin", "{" + nodes + ",\"table_name\":\"public.mt_api\"}", 1);
                JsonNode status = run(serve, "status", "operator", "{" + nodes + "}", 0);
                assertThat(status.toString()).contains("public.mt_api: ready");
            } finally {
                run(serve, "teardown", "admin", "{" + nodes + "}", 0);
            }
        }
    }
}
