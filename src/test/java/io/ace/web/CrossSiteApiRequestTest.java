package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ace.audit.AuditLog;
import io.ace.testing.BusySessions;
import io.ace.testing.Chromium;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Another web site cannot make a visitor's browser change anything through the API: not after
 * the browser has logged in to the API with basic credentials, and not with credentials a
 * request carries. Scripts sending their credentials unasked work as before.
 */
@OnCluster
class CrossSiteApiRequestTest {

    private static final String RUN_KEY = "cross-site-1";

    @TempDir
    static Path home;
    static Serve serve;
    static long stopped;

    @BeforeAll
    static void start(LocalCluster cluster) {
        cluster.sql("DROP TABLE IF EXISTS public.cross_site; CREATE TABLE public.cross_site (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.cross_site SELECT g, 'v' FROM generate_series(1, 3000) g; ANALYZE public.cross_site", "n1", "n2");
        serve = new Serve(cluster.serviceFile(), home);
        // a stopped run: restartable, so a forged restart would start it again
        String body = "{\"cluster_name\":\"local\",\"table_name\":\"public.cross_site\",\"nodes\":[\"n1\",\"n2\"],\"block_size\":100,"
                + "\"max_load\":1,\"run_key\":\"" + RUN_KEY + "\"}";
        try (BusySessions hold = cluster.busySessions("n2", 2)) {
            HttpResponse<String> launched = serve.send("POST", "/api/v1/table-diff", "operator", body);
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
            stopped = Serve.json(launched).path("execution_id").asLong();
            assertThat(serve.send("POST", "/api/v1/executions/" + stopped + "/stop", "operator", null).statusCode()).isEqualTo(202);
        }
        assertThat(serve.awaitEnd(stopped, Duration.ofSeconds(90)).path("status").asString()).isEqualTo("STOPPED");
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    private static long executionsOfTheRun() {
        JsonNode page = Serve.json(serve.send("GET", "/api/v1/executions?table=cross_site&size=100", "viewer", null));
        return page.path("total").asLong();
    }

    @Test
    void aPageOnAnotherOriginCannotRestartARunThroughCredentialsTheBrowserKnows() throws Exception {
        String restart = serve.url("/api/v1/executions/" + stopped + "/restart");
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] page = ("<!DOCTYPE html><html><body><form id=\"f\" method=\"POST\" action=\"" + restart + "\">"
                    + "<input type=\"hidden\" name=\"why\" value=\"prize\"></form>"
                    + "<script>document.getElementById('f').submit()</script></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        other.start();
        long before = executionsOfTheRun();
        try (Chromium chromium = new Chromium()) {
            // the operator once opened the API in this browser, with the password in the address
            URI api = URI.create(serve.url("/api/v1/executions"));
            chromium.driver().get(api.getScheme() + "://operator:operator-pw@" + api.getAuthority() + api.getPath());
            chromium.shot("cross-site-01-api-opened");

            chromium.driver().get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().equals(restart));
            chromium.shot("cross-site-02-after-the-forged-post");
            assertThat(chromium.driver().getPageSource()).doesNotContain("execution_id");
        } finally {
            other.stop(0);
        }
        assertThat(executionsOfTheRun()).as("no execution started").isEqualTo(before);
        assertThat(serve.context().getBean(AuditLog.class).recent(0, 100)).noneMatch(e -> e.action().equals("restart"));
    }

    @Test
    void theApiNeverAsksABrowserForItsPassword() {
        HttpResponse<String> anonymous = serve.send("GET", "/api/v1/executions", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).noneMatch(v -> v.regionMatches(true, 0, "Basic", 0, 5));
    }

    @Test
    void stateChangesFromAnotherSiteOrWithAFormBodyAreRefusedWhateverTheCredentials() {
        String path = "/api/v1/executions/" + stopped + "/restart";
        assertThat(post(path, "Origin", "http://127.0.0.1:9", null, null).statusCode()).isEqualTo(403);
        assertThat(post(path, "Origin", "null", null, null).statusCode()).isEqualTo(403);
        assertThat(post(path, "Sec-Fetch-Site", "cross-site", null, null).statusCode()).isEqualTo(403);
        assertThat(post(path, "Sec-Fetch-Site", "same-site", null, null).statusCode()).isEqualTo(403);
        assertThat(post(path, "Sec-Fetch-Site", "cross-site", "application/json", "{}").statusCode()).isEqualTo(403);
        assertThat(post(path, null, null, "application/x-www-form-urlencoded", "why=prize").statusCode()).isEqualTo(415);
        assertThat(post(path, null, null, "text/plain", "{\"x\":\"=\"}").statusCode()).isEqualTo(415);
        assertThat(serve.context().getBean(AuditLog.class).recent(0, 100)).noneMatch(e -> e.action().equals("restart"));

        // this server's own origin, and a script sending its credentials unasked, are let through (to an unknown execution here)
        URI own = URI.create(serve.url("/"));
        HttpResponse<String> sameOrigin = post("/api/v1/executions/999999/restart", "Origin", own.getScheme() + "://" + own.getAuthority(),
                "application/json", "{}");
        assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(400);
        assertThat(post("/api/v1/executions/999999/restart", "Sec-Fetch-Site", "same-origin", null, null).statusCode()).isEqualTo(400);
        assertThat(serve.send("POST", "/api/v1/executions/999999/restart", "operator", null).statusCode()).isEqualTo(400);
    }

    /** A POST as {@code operator} with basic credentials sent unasked, one extra header, and an optional body. */
    private static HttpResponse<String> post(String path, String header, String value, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(serve.url(path))).timeout(Duration.ofSeconds(60))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:operator-pw".getBytes(StandardCharsets.UTF_8)));
        if (header != null) {
            b.header(header, value);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return serve.send(b);
    }
}
