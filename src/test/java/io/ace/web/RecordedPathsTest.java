package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Someone who can write to the job repository edits what a run recorded: its report paths, to
 * serve's own settings file (directly, through {@code ..}, through a link planted in the reports
 * directory), and its output directory. The web serves none of those files (404, no content),
 * and a restart of the run is refused before anything is written where the record points.
 */
@OnCluster
class RecordedPathsTest {

    private static final String SECRET = "ace.serve.users.admin.password={bcrypt}not-for-viewers";

    @TempDir
    static Path home;
    static Serve serve;
    static JdbcTemplate repository;

    @BeforeAll
    static void start(LocalCluster cluster) {
        cluster.sql("DROP TABLE IF EXISTS public.recorded_t; CREATE TABLE public.recorded_t (id int PRIMARY KEY, v text);"
                + " INSERT INTO public.recorded_t SELECT g, 'v' FROM generate_series(1, 2000) g", "n1", "n2");
        cluster.sql("UPDATE public.recorded_t SET v = 'w' WHERE id IN (3, 1999)", "n2");
        serve = new Serve(cluster.serviceFile(), home);
        repository = new JdbcTemplate(serve.context().getBean(DataSource.class));
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void reportsRecordedOutsideTheReportsDirectoryAreNotServed() throws Exception {
        long id = diff("recorded-serve");
        JsonNode run = Serve.json(serve.send("GET", "/api/v1/executions/" + id, "viewer", null));
        String html = run.path("reports").path("html_file").asString();
        String json = run.path("reports").path("diff_file").asString();
        assertThat(serve.uiGet("viewer", "/reports/execution/" + id + "/html").statusCode()).as("before the edit").isEqualTo(200);

        Path secret = Files.writeString(home.resolve("serve.properties"), SECRET);
        Path reports = home.resolve("reports");
        Path link = Files.createSymbolicLink(reports.resolve("planted.json"), secret);
        record(id, html, secret.toString());
        record(id, json, link.toString());
        for (String kind : new String[] {"html", "json"}) {
            HttpResponse<String> served = serve.uiGet("viewer", "/reports/execution/" + id + "/" + kind);
            assertThat(served.statusCode()).as(kind).isEqualTo(404);
            assertThat(served.body()).as(kind).doesNotContain("not-for-viewers");
        }
        record(id, secret.toString(), reports.resolve("..").resolve("serve.properties").toString());
        HttpResponse<String> climbed = serve.uiGet("admin", "/reports/execution/" + id + "/html");
        assertThat(climbed.statusCode()).isEqualTo(404);
        assertThat(climbed.body()).doesNotContain("not-for-viewers");
    }

    @Test
    void aRestartWithAnOutputDirectoryEditedOutsideIsRefused() {
        long id = diff("recorded-restart");
        Path elsewhere = home.resolve("elsewhere");
        assertThat(repository.update("UPDATE BATCH_JOB_EXECUTION_PARAMS SET PARAMETER_VALUE = ? WHERE JOB_EXECUTION_ID = ?"
                + " AND PARAMETER_NAME = 'output_dir'", elsewhere.toString(), id)).isEqualTo(1);

        HttpResponse<String> restart = serve.send("POST", "/api/v1/executions/" + id + "/restart", "operator", null);
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(422);
        assertThat(restart.body()).contains("outside the reports directories").contains("--run-key 'recorded-restart'");
        assertThat(elsewhere).doesNotExist();
    }

    /** A table-diff launched through the API into serve's reports directory; its execution id once it has ended. */
    private static long diff(String runKey) {
        HttpResponse<String> launched = serve.send("POST", "/api/v1/table-diff", "operator", "{\"cluster_name\":\"local\","
                + "\"table_name\":\"public.recorded_t\",\"nodes\":[\"n1\",\"n2\"],\"output\":\"html\",\"run_key\":\"" + runKey + "\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
        long id = Serve.json(launched).path("execution_id").asLong();
        assertThat(serve.awaitEnd(id, Duration.ofSeconds(90)).path("exit_code").asInt()).isEqualTo(1);
        return id;
    }

    /** Replaces a path in the execution's recorded context, as an edit of the repository's rows would. */
    private static void record(long id, String path, String replacement) {
        int edited = repository.update("UPDATE BATCH_JOB_EXECUTION_CONTEXT SET SHORT_CONTEXT = REPLACE(SHORT_CONTEXT, ?, ?),"
                + " SERIALIZED_CONTEXT = REPLACE(SERIALIZED_CONTEXT, ?, ?) WHERE JOB_EXECUTION_ID = ?", path, replacement, path, replacement, id);
        assertThat(edited).isEqualTo(1);
        assertThat(Serve.json(serve.send("GET", "/api/v1/executions/" + id, "viewer", null)).toString()).contains(replacement);
    }
}
