package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.BusySessions;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The REST API and the security of {@code serve}, over real HTTP against real nodes. */
@OnCluster
class ServeApiTest {

    @TempDir
    static Path home;
    static LocalCluster cluster;
    static Serve serve;

    @BeforeAll
    static void start(LocalCluster localCluster) {
        cluster = localCluster;
        cluster.sql("DROP TABLE IF EXISTS public.served; CREATE TABLE public.served (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.served SELECT g, 'v' FROM generate_series(1, 30000) g; ANALYZE public.served", "n1", "n2");
        cluster.sql("UPDATE public.served SET v = 'w' WHERE id IN (7, 29001)", "n2");
        serve = new Serve(cluster.serviceFile(), home);
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    private static String diffBody(String runKey, String extra) {
        return "{\"cluster_name\":\"local\",\"table_name\":\"public.served\",\"nodes\":[\"n1\",\"n2\"],\"block_size\":1000"
                + (runKey == null ? "" : ",\"run_key\":\"" + runKey + "\"") + extra + "}";
    }

    @Test
    void anonymousGetsNothingButHealthStatus() {
        HttpResponse<String> api = serve.send("GET", "/api/v1/executions", null, null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("unauthorized").doesNotContain("execution_id");

        HttpResponse<String> ui = serve.send("GET", "/executions", null, null);
        assertThat(ui.statusCode()).isEqualTo(302);
        assertThat(ui.headers().firstValue("Location").orElse("")).endsWith("/login");

        HttpResponse<String> launch = serve.send("POST", "/api/v1/table-diff", null, diffBody(null, ""));
        assertThat(launch.statusCode()).isEqualTo(401);

        HttpResponse<String> health = serve.send("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Serve.json(health).path("status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("n1").doesNotContain("components");

        assertThat(serve.send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordIsRefused() {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(serve.url("/api/v1/executions")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:wrong".getBytes()));
        assertThat(serve.send(b).statusCode()).isEqualTo(401);
        HttpRequest.Builder token = HttpRequest.newBuilder(URI.create(serve.url("/api/v1/executions")))
                .header("Authorization", "Bearer not-the-token");
        assertThat(serve.send(token).statusCode()).isEqualTo(401);
    }

    @Test
    void healthDetailsAndMetricsForLoggedInUsers() {
        HttpResponse<String> health = serve.send("GET", "/actuator/health", "viewer", null);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode nodes = Serve.json(health).path("components").path("clusters").path("details").path("local");
        assertThat(nodes.path("n1").path("reachable").asBoolean()).isTrue();
        assertThat(health.body()).doesNotContain(LocalCluster.PASSWORD);

        HttpResponse<String> openApi = serve.send("GET", "/v3/api-docs", "viewer", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/{operation}").contains("/api/v1/executions/{id}/stop");

        HttpResponse<String> metrics = serve.send("GET", "/actuator/prometheus", "viewer", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("ace_rows_hashed_total").contains("ace_blocks_compared_total");
    }

    /** The OpenAPI description names the fields of every answer, success and error, by the names the API writes. */
    @Test
    void theOpenApiDescriptionGivesEveryResponseItsFields() {
        HttpResponse<String> described = serve.send("GET", "/v3/api-docs", "viewer", null);
        assertThat(described.statusCode()).isEqualTo(200);
        JsonNode doc = Serve.json(described);
        JsonNode schemas = doc.path("components").path("schemas");
        Map<String, Set<String>> fields = new TreeMap<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                method.getValue().path("responses").properties().forEach(response -> {
                    String answer = method.getKey().toUpperCase() + " " + path.getKey() + " " + response.getKey();
                    assertThat(response.getValue().path("content").size()).as(answer).isPositive();
                    response.getValue().path("content").forEach(media -> {
                        JsonNode schema = media.path("schema");
                        JsonNode object = schema.has("items") ? schema.path("items") : schema;
                        String name = object.path("$ref").asString().replace("#/components/schemas/", "");
                        assertThat(schemas.path(name).path("properties").size()).as(answer + " (" + schema + ")").isPositive();
                        fields.put(answer, new TreeSet<>(schemas.path(name).path("properties").propertyNames()));
                    });
                })));
        assertThat(fields.keySet()).contains("POST /api/v1/{operation} 202", "POST /api/v1/{operation} 200", "POST /api/v1/{group}/{verb} 202",
                "POST /api/v1/executions/{id}/stop 202", "GET /api/v1/executions 200", "GET /api/v1/executions/{id} 200",
                "GET /api/v1/reports 200", "POST /api/v1/{operation} 422", "GET /api/v1/executions 403");
        assertThat(fields.get("POST /api/v1/{operation} 202")).contains("execution_id", "status_url", "command", "exit_code", "meaning");
        assertThat(fields.get("GET /api/v1/executions/{id} 200")).contains("execution_id", "run_key", "exit_code", "meaning", "summary",
                "reports", "parameters", "steps");
        assertThat(fields.get("GET /api/v1/executions 200")).containsExactly("executions", "page", "size", "total");
        assertThat(fields.get("POST /api/v1/{operation} 422")).containsExactly("error", "exit_code", "meaning", "message");
        assertThat(schemas.path("Step").path("properties").propertyNames()).contains("read_count", "duration_seconds", "progress", "work", "worker");
        assertThat(fields.get("GET /api/v1/executions/{id} 200")).contains("paused", "work");
    }

    @Test
    void viewerCannotLaunchAndOperatorCannotRepair() {
        HttpResponse<String> viewer = serve.send("POST", "/api/v1/table-diff", "viewer", diffBody(null, ""));
        assertThat(viewer.statusCode()).isEqualTo(403);
        HttpResponse<String> repair = serve.send("POST", "/api/v1/table-repair", "operator",
                "{\"cluster_name\":\"local\",\"table_name\":\"public.served\",\"diff_file\":\"/nonexistent.json\",\"source_of_truth\":\"n1\"}");
        assertThat(repair.statusCode()).as(repair.body()).isEqualTo(403);
        HttpResponse<String> viewerRepair = serve.send("POST", "/api/v1/table-repair", "viewer", "{}");
        assertThat(viewerRepair.statusCode()).isEqualTo(403);
    }

    @Test
    void launchFollowAndResultCarryTheExitCodeContract() throws Exception {
        HttpResponse<String> launched = serve.send("POST", "/api/v1/table-diff", "operator", diffBody("api-run-1", ""));
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
        long id = Serve.json(launched).path("execution_id").asLong();
        assertThat(Serve.json(launched).path("command").asString()).contains("scripts/ace table-diff local public.served");

        JsonNode done = serve.awaitEnd(id, Duration.ofSeconds(90));
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("exit_code").asInt()).isEqualTo(1);
        assertThat(done.path("meaning").asString()).isEqualTo("differences");
        // times as ISO-8601 with their offset, to the millisecond
        for (String time : List.of("started", "ended")) {
            assertThat(done.path(time).asString()).as(time).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?(Z|[+-]\\d\\d:\\d\\d)");
        }
        assertThat(done.path("reports").path("diff_file").asString()).endsWith(".json");
        assertThat(done.path("steps").size()).isGreaterThan(2);
        assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.path("work")).hasSize(1);
        assertThat(done.path("work").get(0).path("unit").asString()).isEqualTo("blocks");
        assertThat(done.path("work").get(0).path("done").asLong()).isEqualTo(done.path("work").get(0).path("total").asLong()).isPositive();

        // the same run key again: nothing to do, the completed execution's id
        HttpResponse<String> again = serve.send("POST", "/api/v1/table-diff", "operator", diffBody("api-run-1", ""));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Serve.json(again).path("exit_code").asInt()).isEqualTo(4);
        assertThat(Serve.json(again).path("execution_id").asLong()).isEqualTo(id);

        JsonNode list = Serve.json(serve.send("GET", "/api/v1/executions?operation=table-diff&table=served", "viewer", null));
        assertThat(list.path("total").asLong()).isGreaterThanOrEqualTo(1);

        // the archive holds the run's report, with its sha256
        JsonNode reports = Serve.json(serve.send("GET", "/api/v1/reports", "viewer", null));
        assertThat(reports.toString()).contains("\"executionId\":" + id);

        // a token works like a user of its role
        HttpRequest.Builder token = HttpRequest.newBuilder(URI.create(serve.url("/api/v1/executions/" + id)))
                .header("Authorization", "Bearer " + Serve.TOKEN);
        assertThat(serve.send(token).statusCode()).isEqualTo(200);
    }

    @Test
    void errorsAreJsonWithTheCommandLineExitCode() {
        HttpResponse<String> missing = serve.send("POST", "/api/v1/table-diff", "operator",
                "{\"cluster_name\":\"local\",\"table_name\":\"public.no_such_table\"}");
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(422);
        assertThat(Serve.json(missing).path("exit_code").asInt()).isEqualTo(78);
        assertThat(Serve.json(missing).path("message").asString()).contains("no_such_table");

        HttpResponse<String> badFlag = serve.send("POST", "/api/v1/table-diff", "operator", diffBody(null, ",\"block_size\":-5"));
        assertThat(badFlag.statusCode()).as(badFlag.body()).isEqualTo(400);
        assertThat(Serve.json(badFlag).path("exit_code").asInt()).isEqualTo(64);

        HttpResponse<String> unknownFlag = serve.send("POST", "/api/v1/table-diff", "operator", diffBody(null, ",\"no_such_flag\":1"));
        assertThat(unknownFlag.statusCode()).isEqualTo(400);

        HttpResponse<String> unknown = serve.send("POST", "/api/v1/no-such-operation", "operator", "{}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(Serve.json(unknown).path("message").asString()).contains("unknown operation").contains("mtree-build");

        HttpResponse<String> noSet = serve.send("POST", "/api/v1/repset-diff", "operator", "{\"cluster_name\":\"local\"}");
        assertThat(noSet.statusCode()).as(noSet.body()).isEqualTo(400);
        assertThat(Serve.json(noSet).path("message").asString()).contains("repset-diff").contains("REPSET").contains("repset_name");

        HttpResponse<String> noExecution = serve.send("GET", "/api/v1/executions/999999", "viewer", null);
        assertThat(noExecution.statusCode()).isEqualTo(400);
    }

    @Test
    void operationsOnASchemaAndOnTheWholeClusterLaunchThroughTheApi() {
        HttpResponse<String> schema = serve.send("POST", "/api/v1/schema-diff", "operator",
                "{\"cluster_name\":\"local\",\"schema_name\":\"public\",\"ddl_only\":true,\"nodes\":[\"n1\",\"n2\"]}");
        assertThat(schema.statusCode()).as(schema.body()).isEqualTo(202);
        assertThat(Serve.json(schema).path("command").asString()).startsWith("scripts/ace schema-diff local public --ddl-only --nodes n1,n2");
        HttpResponse<String> config = serve.send("POST", "/api/v1/spock-diff", "operator", "{\"cluster_name\":\"local\",\"nodes\":[\"n1\",\"n2\"]}");
        assertThat(config.statusCode()).as(config.body()).isEqualTo(202);
        for (HttpResponse<String> launched : List.of(schema, config)) {
            long id = Serve.json(launched).path("execution_id").asLong();
            JsonNode ended = Awaitility.await("execution " + id + " to end").atMost(Duration.ofSeconds(60)).until(
                    () -> Serve.json(serve.send("GET", "/api/v1/executions/" + id, "viewer", null)), e -> e.path("exit_code").isNumber());
            assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("COMPLETED");
            assertThat(ended.path("exit_code").asInt()).isIn(0, 1);
            // the summary file each wrote is named by the answer, as the diff file and the HTML report are
            assertThat(ended.path("reports").path("summary_file").asString()).as(ended.toString()).endsWith(".json");
        }
        JsonNode configRun = Serve.json(serve.send("GET", "/api/v1/executions/" + Serve.json(config).path("execution_id").asLong(), "viewer", null));
        assertThat(configRun.toString()).contains("replication configuration of local");
    }

    @Test
    void stopThenRestartThroughTheApi() throws Exception {
        // small blocks, one statement per block: long enough to be stopped part way
        String body = diffBody("api-stop-1", ",\"block_size\":100,\"target_query_time\":0.000001,\"concurrency_factor\":0.5,\"max_load\":1");
        long id;
        // two busy sessions on n2 hold the run back (max_load 1) until the stop has been asked for
        try (BusySessions hold = cluster.busySessions("n2", 2)) {
            HttpResponse<String> launched = serve.send("POST", "/api/v1/table-diff", "operator", body);
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
            id = Serve.json(launched).path("execution_id").asLong();
            HttpResponse<String> stop = serve.send("POST", "/api/v1/executions/" + id + "/stop", "operator", null);
            assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
        }
        JsonNode stopped = serve.awaitEnd(id, Duration.ofSeconds(90));
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.path("exit_code").asInt()).isEqualTo(3);

        HttpResponse<String> viewerRestart = serve.send("POST", "/api/v1/executions/" + id + "/restart", "viewer", null);
        assertThat(viewerRestart.statusCode()).isEqualTo(403);
        HttpResponse<String> restart = serve.send("POST", "/api/v1/executions/" + id + "/restart", "operator", null);
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
        long resumed = Serve.json(restart).path("execution_id").asLong();
        assertThat(resumed).isNotEqualTo(id);
        JsonNode done = serve.awaitEnd(resumed, Duration.ofSeconds(120));
        assertThat(done.path("exit_code").asInt()).isEqualTo(1);
        assertThat(done.path("run_key").asString()).isEqualTo("api-stop-1");

        // the audit trail names who did what
        var audit = serve.context().getBean(io.ace.audit.AuditLog.class).recent(0, 50);
        assertThat(audit).anyMatch(e -> e.actor().equals("operator") && e.action().equals("stop") && e.executionId() == id);
        assertThat(audit).anyMatch(e -> e.actor().equals("operator") && e.action().equals("restart") && e.executionId() == resumed);
        assertThat(audit).anyMatch(e -> e.actor().equals("operator") && e.action().equals("launch") && e.outcome().startsWith("refused"));
    }
}
