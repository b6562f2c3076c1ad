package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.audit.AuditLog;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What a web user can reach with serve's API: no server path (a diff file is named by the
 * execution that wrote it, reports go where the server says), no text from a node or a file in
 * what a non-administrator reads, and no more runs at once than the server admits.
 */
@OnCluster
class LeastPrivilegeTest {

    /** Planted in the server's home, as the initial admin password file is: no answer may carry it. */
    static final String SECRET = "planted-secret-4711";

    @TempDir
    static Path home;
    static LocalCluster cluster;
    static Serve serve;
    static Path secret;

    @BeforeAll
    static void start(LocalCluster localCluster) throws Exception {
        cluster = localCluster;
        cluster.sql("DROP TABLE IF EXISTS public.guarded; CREATE TABLE public.guarded (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.guarded SELECT g, 'v' FROM generate_series(1, 2000) g", "n1", "n2");
        cluster.sql("UPDATE public.guarded SET v = 'w' WHERE id IN (3, 1999)", "n2");
        secret = Files.writeString(home.resolve("secret.txt"), SECRET + "\n");
        // one more cluster whose second node nobody listens on
        Path serviceFile = Files.writeString(home.resolve("pg_service.conf"), Files.readString(cluster.serviceFile())
                + "\n[down]\nhost=127.0.0.1\ndbname=acedb\nuser=ace\npassword=" + LocalCluster.PASSWORD + "\n[down.n1]\nport="
                + cluster.port("n1") + "\n[down.n2]\nport=1\n");
        serve = new Serve(serviceFile, home, "ace.serve.max-runs=2");
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    private static String body(String operation, String extra) {
        return "{\"cluster_name\":\"local\",\"table_name\":\"public.guarded\"" + (operation.equals("table-diff") ? ",\"nodes\":[\"n1\",\"n2\"]" : "")
                + extra + "}";
    }

    private static void assertNoSecret(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain(SECRET).doesNotContain("planted-secret");
    }

    @Test
    void aWebCallerNamesNoServerPath() {
        for (String file : List.of(secret.toString(), "/proc/self/pagemap", "/etc/shadow")) {
            HttpResponse<String> read = serve.send("POST", "/api/v1/table-rerun", "operator",
                    body("table-rerun", ",\"diff_file\":\"" + file + "\""));
            assertThat(read.statusCode()).as(read.body()).isEqualTo(400);
            assertThat(Serve.json(read).path("message").asString()).contains("--diff-file names a file on the server")
                    .contains("--from-execution").doesNotContain(file);
            assertNoSecret(read);
        }
        Path elsewhere = home.resolve("elsewhere");
        HttpResponse<String> write = serve.send("POST", "/api/v1/table-diff", "operator", body("table-diff",
                ",\"output_dir\":\"" + elsewhere + "\""));
        assertThat(write.statusCode()).as(write.body()).isEqualTo(400);
        assertThat(Serve.json(write).path("message").asString()).contains("--output-dir is decided by the server");
        assertThat(elsewhere).doesNotExist();
        // refusals are audited, and viewers read the audit log: it carries no file content either
        assertThat(serve.context().getBean(AuditLog.class).recent(0, 50)).allSatisfy(e -> assertThat(e.outcome()).doesNotContain(SECRET))
                .anySatisfy(e -> assertThat(e.outcome()).contains("refused: --diff-file names a file on the server"));
    }

    @Test
    void aDiffFileIsNamedByTheExecutionThatWroteIt() {
        HttpResponse<String> diff = serve.send("POST", "/api/v1/table-diff", "operator", body("table-diff", ""));
        assertThat(diff.statusCode()).as(diff.body()).isEqualTo(202);
        long diffId = Serve.json(diff).path("execution_id").asLong();
        assertThat(serve.awaitEnd(diffId, Duration.ofSeconds(90)).path("exit_code").asInt()).isEqualTo(1);

        HttpResponse<String> rerun = serve.send("POST", "/api/v1/table-rerun", "operator", body("table-rerun",
                ",\"from_execution\":" + diffId));
        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(202);
        JsonNode rerunDone = serve.awaitEnd(Serve.json(rerun).path("execution_id").asLong(), Duration.ofSeconds(90));
        assertThat(rerunDone.path("exit_code").asInt()).as(rerunDone.toString()).isEqualTo(1);

        HttpResponse<String> noDiff = serve.send("POST", "/api/v1/table-rerun", "operator", body("table-rerun",
                ",\"from_execution\":" + Serve.json(rerun).path("execution_id").asLong() + "999"));
        assertThat(noDiff.statusCode()).as(noDiff.body()).isEqualTo(400);
        assertThat(Serve.json(noDiff).path("message").asString()).contains("no job execution");
    }

    @Test
    void nodeErrorsReachOnlyAdministrators() {
        String down = "{\"cluster_name\":\"down\",\"table_name\":\"public.guarded\"}";
        HttpResponse<String> operator = serve.send("POST", "/api/v1/table-diff", "operator", down);
        assertThat(operator.statusCode()).as(operator.body()).isEqualTo(503);
        String message = Serve.json(operator).path("message").asString();
        assertThat(message).contains("node n2").contains("could not be reached").contains("the cause is in the server log")
                .doesNotContain("postmaster").doesNotContain("127.0.0.1:1 refused");
        HttpResponse<String> admin = serve.send("POST", "/api/v1/table-diff", "admin", down);
        assertThat(admin.statusCode()).isEqualTo(503);
        assertThat(Serve.json(admin).path("message").asString()).contains("127.0.0.1:1 refused");
    }

    @Test
    void launchesBeyondTheAdmittedRunsAreAnswered429AndNoneFails() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add(CompletableFuture.supplyAsync(() -> serve.send("POST", "/api/v1/table-diff", "operator",
                    body("table-diff", ",\"block_size\":100"))));
        }
        List<Long> accepted = new ArrayList<>();
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> f : burst) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).as(r.body()).isIn(202, 429);
            if (r.statusCode() == 429) {
                refused++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                assertThat(Serve.json(r).path("exit_code").asInt()).isEqualTo(75);
            } else {
                accepted.add(Serve.json(r).path("execution_id").asLong());
            }
        }
        assertThat(refused).isGreaterThan(0);
        assertThat(accepted).isNotEmpty();
        for (long id : accepted) {
            JsonNode done = serve.awaitEnd(id, Duration.ofSeconds(120));
            assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(done.path("exit_code").asInt()).isEqualTo(1);
        }
    }
}
