package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.audit.AuditLog;
import io.ace.batch.RunQueries;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a web caller sends reaches no parser feature it did not ask for: an {@code @FILE} value is
 * itself, never the file's content; a field named {@code diff-file=/path} is no flag; a value that
 * looks like a flag stays a value. Each case is an attack an OPERATOR made against an earlier
 * version, which read the node password, the repository password and the initial admin password
 * back in the error text, and opened server files outside the reports directory.
 */
@OnCluster
class WebLaunchInputTest {

    static final String SECRET = "planted-secret-0815";

    @TempDir
    static Path home;
    static LocalCluster cluster;
    static Serve serve;
    static Path secretFile;
    static Path serviceFile;
    static Path foreignDiff;

    @BeforeAll
    static void start(LocalCluster localCluster) throws Exception {
        cluster = localCluster;
        cluster.sql("DROP TABLE IF EXISTS public.smuggled; CREATE TABLE public.smuggled (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.smuggled SELECT g, 'v' FROM generate_series(1, 50) g", "n1", "n2");
        secretFile = Files.writeString(home.resolve("secret.txt"), "--nodes=n1 " + SECRET + "\nline2 " + SECRET + "\n");
        serviceFile = Files.copy(cluster.serviceFile(), home.resolve("pg_service.conf"));
        // a diff file outside the server's reports directory, as any local user could leave one
        foreignDiff = Files.writeString(home.resolve("public_smuggled_diffs-20260101000000.json"), "{\"diffs\":{},\"summary\":{}}");
        serve = new Serve(serviceFile, home, "ace.serve.max-runs=4");
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    private static void assertNothingLeaked(HttpResponse<String> answer) {
        assertThat(answer.body()).doesNotContain(SECRET).doesNotContain(LocalCluster.PASSWORD).doesNotContain("password=")
                .doesNotContain("PATH=").doesNotContain("malformed");
    }

    private static void assertAuditClean() {
        assertThat(serve.context().getBean(AuditLog.class).recent(0, 500)).allSatisfy(e -> {
            assertThat(e.outcome()).doesNotContain(SECRET).doesNotContain(LocalCluster.PASSWORD).doesNotContain("PATH=");
            // the subject is the command as the caller sent it: their own words, but never a file's
            assertThat(e.subject()).doesNotContain(LocalCluster.PASSWORD).doesNotContain("PATH=");
        });
    }

    private static long executions() {
        return serve.context().getBean(RunQueries.class).find(new RunQueries.Filter(null, null, null, null, null, null), 0, 1).total();
    }

    @Test
    void anAtFileValueIsTheValueItselfNeverTheFilesContent() throws Exception {
        String initialPassword = Files.writeString(home.resolve("serve-initial-admin-password"), "initial-" + SECRET).toString();
        for (String file : List.of(serviceFile.toString(), "/proc/self/environ", initialPassword, secretFile.toString())) {
            for (String body : List.of("{\"cluster_name\":\"local\",\"table_name\":\"@" + file + "\"}",
                    "{\"cluster_name\":\"@" + file + "\",\"table_name\":\"public.smuggled\"}",
                    "{\"cluster_name\":\"local\",\"table_name\":\"public.smuggled\",\"table_filter\":\"@" + file + "\"}")) {
                HttpResponse<String> answer = serve.send("POST", "/api/v1/table-diff", "operator", body);
                assertThat(answer.statusCode()).as(answer.body()).isIn(400, 422);
                assertNothingLeaked(answer);
            }
        }
        // the UI's launch form goes the same way
        HttpResponse<String> form = serve.postForm("operator", "/launch?operation=table-diff", "/launch",
                Map.of("operation", "table-diff", "cluster", "local", "table", "@" + secretFile));
        assertThat(form.statusCode()).isIn(200, 400);
        assertNothingLeaked(form);
        assertThat(form.body()).contains("table @" + secretFile.getParent());
        assertAuditClean();
    }

    @Test
    void aFieldNameCarriesNoValueAndNamesOnlyADeclaredFlag() {
        long before = executions();
        for (String field : List.of("diff-file=" + foreignDiff, "diff_file=" + foreignDiff, "--diff-file", "output-dir=" + home,
                "skip-file=" + secretFile, "help", "quiet", "version", "nodes=n1")) {
            HttpResponse<String> answer = serve.send("POST", "/api/v1/table-rerun", "operator",
                    "{\"cluster_name\":\"local\",\"table_name\":\"public.smuggled\",\"" + field.replace("\"", "") + "\":true}");
            assertThat(answer.statusCode()).as(field + ": " + answer.body()).isEqualTo(400);
            assertThat(Serve.json(answer).path("message").asString()).as(field).containsAnyOf("is not a flag of table-rerun",
                    "names a file on the server");
            assertNothingLeaked(answer);
        }
        HttpResponse<String> form = serve.postForm("operator", "/launch?operation=table-rerun", "/launch",
                Map.of("operation", "table-rerun", "cluster", "local", "table", "public.smuggled", "f_diff-file=" + secretFile, "on"));
        assertNothingLeaked(form);
        assertThat(form.body()).contains("is not a flag of table-rerun");
        // nothing ran: the file outside the reports directory was never opened, let alone re-checked
        assertThat(executions()).isEqualTo(before);
        assertAuditClean();
    }

    @Test
    void aValueThatLooksLikeAFlagStaysAValue() {
        long before = executions();
        for (String body : List.of(
                "{\"cluster_name\":\"local\",\"table_name\":\"--diff-file=" + foreignDiff + "\"}",
                "{\"cluster_name\":\"--diff-file=" + foreignDiff + "\",\"table_name\":\"public.smuggled\"}",
                "{\"cluster_name\":\"local\",\"table_name\":\"public.smuggled\",\"from_execution\":\"--diff-file=" + foreignDiff + "\"}",
                "{\"cluster_name\":\"local\",\"table_name\":\"public.smuggled\",\"compare_unit_size\":[\"1\",\"--diff-file\",\"" + foreignDiff + "\"]}",
                "{\"cluster_name\":\"local\",\"table_name\":\"public.smuggled\",\"compare_unit_size\":{\"diff-file\":\"x\"}}")) {
            HttpResponse<String> answer = serve.send("POST", "/api/v1/table-rerun", "operator", body);
            assertThat(answer.statusCode()).as(body + ": " + answer.body()).isIn(400, 422);
            assertNothingLeaked(answer);
        }
        assertThat(executions()).isEqualTo(before);
    }

    @Test
    void aServerPathIsRefusedByWhatTheParserMatchedAndRefusalsQuoteNoLongInput() {
        HttpResponse<String> path = serve.send("POST", "/api/v1/table-rerun", "operator",
                "{\"cluster_name\":\"local\",\"table_name\":\"public.smuggled\",\"diff_file\":\"" + foreignDiff + "\"}");
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(Serve.json(path).path("message").asString()).startsWith("--diff-file names a file on the server")
                .doesNotContain(foreignDiff.toString());
        String longName = "public." + "x".repeat(300) + SECRET;
        HttpResponse<String> tooLong = serve.send("POST", "/api/v1/table-diff", "operator",
                "{\"cluster_name\":\"local\",\"table_name\":\"" + longName + "\",\"block_size\":\"" + SECRET.repeat(5) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).doesNotContain(SECRET);
        HttpResponse<String> badKey = serve.send("POST", "/api/v1/table-diff", "operator",
                "{\"cluster_name\":\"local\",\"table_name\":\"public.smuggled\",\"run_key\":\"a\\u001b[31mforged\\nline\"}");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(Serve.json(badKey).path("message").asString()).contains("--run-key").doesNotContain("\u001b").doesNotContain("\n");
        assertAuditClean();
    }

    @Test
    void aRepairPlanComesFromThePlanDirectoryByNameNeverByAPath() throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.planned; CREATE TABLE public.planned (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.planned SELECT g, 'v' FROM generate_series(1, 20) g", "n1", "n2");
        cluster.sql("UPDATE public.planned SET v = 'changed' WHERE id = 3", "n2");
        Files.createDirectories(home.resolve("plans"));
        Files.writeString(home.resolve("plans").resolve("keep-n1.yaml"), "version: 1\ndefault: {keep: n1}\n");
        HttpResponse<String> diff = serve.send("POST", "/api/v1/table-diff", "operator",
                "{\"cluster_name\":\"local\",\"table_name\":\"public.planned\",\"nodes\":[\"n1\",\"n2\"]}");
        long diffId = Serve.json(diff).path("execution_id").asLong();
        assertThat(serve.awaitEnd(diffId, Duration.ofSeconds(90)).path("exit_code").asInt()).isEqualTo(1);
        String repair = "{\"cluster_name\":\"local\",\"table_name\":\"public.planned\",\"from_execution\":" + diffId + ",";

        HttpResponse<String> byPath = serve.send("POST", "/api/v1/table-repair", "admin",
                repair + "\"repair_plan\":\"" + home.resolve("plans").resolve("keep-n1.yaml") + "\"}");
        assertThat(byPath.statusCode()).isEqualTo(400);
        assertThat(Serve.json(byPath).path("message").asString()).startsWith("--repair-plan names a file on the server");
        HttpResponse<String> outside = serve.send("POST", "/api/v1/table-repair", "admin", repair + "\"repair_plan_name\":\"../secret.txt\"}");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertNothingLeaked(outside);

        HttpResponse<String> named = serve.send("POST", "/api/v1/table-repair", "admin", repair + "\"repair_plan_name\":\"keep-n1.yaml\"}");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(202);
        assertThat(serve.awaitEnd(Serve.json(named).path("execution_id").asLong(), Duration.ofSeconds(90)).path("exit_code").asInt()).isZero();
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.planned WHERE v = 'changed'")).isZero();
    }

    @Test
    void anOrdinaryLaunchFromFieldsStillRuns() {
        HttpResponse<String> launched = serve.send("POST", "/api/v1/table-diff", "operator",
                "{\"cluster_name\":\"local\",\"table_name\":\"public.smuggled\",\"nodes\":[\"n1\",\"n2\"],\"block_size\":10,"
                        + "\"no_recheck\":true,\"table_filter\":\"id > 0\",\"run_key\":\"web-fields:1\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
        assertThat(Serve.json(launched).path("command").asString())
                .isEqualTo("scripts/ace table-diff local public.smuggled --nodes n1,n2 --block-size 10 --no-recheck --table-filter 'id > 0'"
                        + " --run-key web-fields:1");
        long id = Serve.json(launched).path("execution_id").asLong();
        assertThat(serve.awaitEnd(id, Duration.ofSeconds(90)).path("exit_code").asInt()).isZero();
    }
}
