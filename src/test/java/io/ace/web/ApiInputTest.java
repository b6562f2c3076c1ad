package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.BusySessions;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Whatever a caller sends, the API answers in its own words with a 4xx, never a server error; racing restarts resume a run once. */
@OnCluster
class ApiInputTest {

    private static final String LONG = "x".repeat(100_000);

    @TempDir
    static Path home;
    static LocalCluster cluster;
    static Serve serve;

    @BeforeAll
    static void start(LocalCluster localCluster) {
        cluster = localCluster;
        cluster.sql("DROP TABLE IF EXISTS public.api_input; CREATE TABLE public.api_input (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.api_input SELECT g, 'v' FROM generate_series(1, 3000) g; ANALYZE public.api_input", "n1", "n2");
        serve = new Serve(cluster.serviceFile(), home);
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void malformedOrHostileInputIsAShortClientError() {
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("malformed", "{\"cluster_name\": \"local\", "),
                Map.entry("not json", LONG),
                Map.entry("array", "[\"local\", \"public.api_input\"]"),
                Map.entry("string", "\"public.api_input\""),
                Map.entry("null", "null"),
                Map.entry("number as cluster", "{\"cluster_name\": 5, \"table_name\": \"public.api_input\"}"),
                Map.entry("object as target", "{\"cluster_name\": \"local\", \"table_name\": {\"a\": 1}}"),
                Map.entry("object as flag", "{\"cluster_name\": \"local\", \"table_name\": \"public.api_input\", \"block_size\": {\"a\": [1]}}"),
                Map.entry("nested list as flag", "{\"cluster_name\": \"local\", \"table_name\": \"public.api_input\", \"nodes\": [[\"n1\"], {}]}"),
                Map.entry("text as number", "{\"cluster_name\": \"local\", \"table_name\": \"public.api_input\", \"block_size\": \"" + LONG + "\"}"),
                Map.entry("huge number", "{\"cluster_name\": \"local\", \"table_name\": \"public.api_input\", \"block_size\": 1" + "0".repeat(400) + "}"),
                Map.entry("long target", "{\"cluster_name\": \"local\", \"table_name\": \"" + LONG + "\"}"),
                Map.entry("long cluster", "{\"cluster_name\": \"" + LONG + "\", \"table_name\": \"public.api_input\"}"),
                Map.entry("long flag name", "{\"cluster_name\": \"local\", \"table_name\": \"public.api_input\", \"" + LONG + "\": 1}"),
                Map.entry("long run key", "{\"cluster_name\": \"local\", \"table_name\": \"public.api_input\", \"run_key\": \"" + LONG + "\"}"),
                Map.entry("control characters", "{\"cluster_name\": \"lo\\u0000cal\\n\", \"table_name\": \"public.api\\u001binput\"}"));
        List<String> paths = List.of("/api/v1/table-diff", "/api/v1/mtree/build", "/api/v1/no-such-operation", "/api/v1/" + "y".repeat(5000));
        for (String path : paths) {
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                assertShortClientError(body.getKey() + " to " + path.substring(0, Math.min(40, path.length())),
                        serve.send("POST", path, "admin", body.getValue()));
            }
        }
        for (String id : List.of("abc", "1e3", "-1", "99999999999999999999999", LONG.substring(0, 5000), "1;drop")) {
            assertShortClientError("execution " + id.length(), serve.send("GET", "/api/v1/executions/" + id, "viewer", null));
            for (String action : List.of("stop", "restart", "recover", "abandon")) {
                assertShortClientError(action + " " + id.length(), serve.send("POST", "/api/v1/executions/" + id + "/" + action, "admin", null));
            }
        }
        assertShortClientError("unknown control", serve.send("POST", "/api/v1/executions/1/explode", "admin", null));
        assertShortClientError("page", serve.send("GET", "/api/v1/executions?page=x&size=" + LONG.substring(0, 3000), "viewer", null));
        assertShortClientError("dates", serve.send("GET", "/api/v1/executions?from=yesterday", "viewer", null));
        assertShortClientError("offset", serve.send("GET", "/api/v1/reports?offset=-1", "viewer", null));
        assertShortClientError("limit", serve.send("GET", "/api/v1/reports?limit=" + LONG.substring(0, 3000), "viewer", null));
        assertShortClientError("method", serve.send("DELETE", "/api/v1/executions/1", "admin", null));
        assertShortClientError("get a launch", serve.send("GET", "/api/v1/table-diff", "viewer", null));
    }

    /**
     * Every path and method the OpenAPI description lists, with what it takes malformed: path
     * values that are no name or id, number and date parameters that are text, bodies that are no
     * JSON object, missing or oversized. Each answers 4xx in a short message of its own.
     */
    @Test
    void everyEndpointTheApiDescribesAnswersMalformedMissingAndOversizedInputWithAShortClientError() {
        JsonNode doc = Serve.json(serve.send("GET", "/v3/api-docs", "viewer", null));
        List<String> walked = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase();
            StringBuilder query = new StringBuilder();
            operation.getValue().path("parameters").forEach(p -> {
                String type = p.path("schema").path("type").asString("");
                if (p.path("in").asString("").equals("query") && (type.equals("integer") || type.equals("number")
                        || p.path("schema").path("format").asString("").equals("date"))) {
                    query.append(query.isEmpty() ? "?" : "&").append(p.path("name").asString()).append("=x").append("9".repeat(40));
                }
            });
            for (String value : List.of("no-such-" + "z".repeat(20), "-1", "z".repeat(3000))) {
                String url = path.getKey().replace("{operation}", value).replace("{group}", "mtree").replace("{verb}", value)
                        .replace("{id}", value);
                if (url.equals(path.getKey()) && query.isEmpty() && method.equals("GET")) {
                    continue;
                }
                String what = method + " " + path.getKey() + " with " + value.length() + " characters";
                walked.add(what);
                assertShortClientError(what, serve.send(method, url + query, "admin", method.equals("POST") ? "{" : null));
            }
            if (method.equals("POST") && path.getKey().contains("{operation}")) {
                for (String body : List.of("", "{", "[]", "{\"cluster_name\": \"" + "q".repeat(2_000_000) + "\"}")) {
                    String what = "POST table-diff with a body of " + body.length() + " characters";
                    walked.add(what);
                    assertShortClientError(what, serve.send("POST", path.getKey().replace("{operation}", "table-diff"), "admin", body));
                }
            }
        }));
        assertThat(walked).as("the walk reached the launches, the controls and the lists").anyMatch(w -> w.startsWith("POST /api/v1/{operation}"))
                .anyMatch(w -> w.startsWith("POST /api/v1/executions/{id}/stop")).anyMatch(w -> w.startsWith("GET /api/v1/executions "));
    }

    private static void assertShortClientError(String what, HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(what + ": " + abbreviated(answer.body())).isBetween(400, 499);
        assertThat(answer.body().length()).as(what + ": " + abbreviated(answer.body())).isLessThan(600);
        JsonNode json = Serve.json(answer);
        assertThat(json.path("message").isString()).as(what + ": " + answer.body()).isTrue();
        assertThat(answer.body()).as(what).doesNotContain("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
                .doesNotContain("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy").doesNotContain("Exception");
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    @Test
    void racingRestartsOfOneRunResumeItOnceAndAnswerTheOthersWithConflicts() throws Exception {
        String body = "{\"cluster_name\":\"local\",\"table_name\":\"public.api_input\",\"nodes\":[\"n1\",\"n2\"],\"block_size\":100,"
                + "\"max_load\":1,\"run_key\":\"racing-restarts\"}";
        long id;
        try (BusySessions hold = cluster.busySessions("n2", 2)) {
            HttpResponse<String> launched = serve.send("POST", "/api/v1/table-diff", "operator", body);
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
            id = Serve.json(launched).path("execution_id").asLong();
            assertThat(serve.send("POST", "/api/v1/executions/" + id + "/stop", "operator", null).statusCode()).isEqualTo(202);
        }
        assertThat(serve.awaitEnd(id, Duration.ofSeconds(90)).path("status").asString()).isEqualTo("STOPPED");

        int racers = 8;
        CountDownLatch ready = new CountDownLatch(racers);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    try {
                        ready.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return serve.send("POST", "/api/v1/executions/" + id + "/restart", "operator", null);
                }, threads));
            }
            List<HttpResponse<String>> done = answers.stream().map(CompletableFuture::join).toList();
            List<String> seen = done.stream().map(r -> r.statusCode() + " " + abbreviated(r.body())).toList();
            assertThat(done).as(seen.toString()).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 202, 409, 429));
            assertThat(done).as(seen.toString()).filteredOn(r -> r.statusCode() == 202).hasSizeLessThanOrEqualTo(1);
            assertThat(done).as(seen.toString()).filteredOn(r -> r.statusCode() == 409)
                    .allSatisfy(r -> assertThat(Serve.json(r).path("exit_code").asInt()).isEqualTo(75));
        } finally {
            threads.shutdown();
        }
        JsonNode list = Serve.json(serve.send("GET", "/api/v1/executions?table=api_input&size=100", "viewer", null));
        assertThat(list.path("executions")).as(list.toString()).filteredOn(e -> !e.path("status").asString().equals("STOPPED")).hasSizeLessThanOrEqualTo(1);
    }
}
