package io.ace.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.audit.AuditLog;
import io.ace.testing.LocalCluster;
import io.ace.testing.Serve;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing passwords against {@code serve}: throttled per user and address, on the API and the login form, and audited. */
class LoginThrottleServeTest {


    private static HttpRequest.Builder basic(Serve serve, String user, String password) {
        return HttpRequest.newBuilder(URI.create(serve.url("/api/v1/executions"))).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void failedApiLoginsAreAuditedThenRefusedWith429UntilTheLockoutEnds(@TempDir Path home) {
        try (Serve serve = new Serve(LocalCluster.plain().serviceFile(), home, "ace.serve.login.max-failures=3",
                "ace.serve.login.lockout=3s")) {
            for (int i = 0; i < 3; i++) {
                assertThat(serve.send(basic(serve, "operator", "guess-" + i)).statusCode()).isEqualTo(401);
            }
            // the right password changes nothing while the user is locked out
            HttpResponse<String> refused = serve.send(basic(serve, "operator", "operator-pw"));
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 3));
            assertThat(refused.body()).contains("too many failed logins");

            List<AuditLog.Entry> audit = serve.context().getBean(AuditLog.class).recent(0, 10);
            assertThat(audit).filteredOn(e -> e.action().equals("login-failed")).hasSize(3)
                    .allSatisfy(e -> {
                        assertThat(e.actor()).isEqualTo("operator");
                        assertThat(e.subject()).isEqualTo("from 127.0.0.1 by basic");
                    });
            assertThat(audit.get(0).outcome()).contains("refused for 3 s");
            assertThat(audit.toString()).doesNotContain("guess-");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(serve.send(basic(serve, "operator", "operator-pw")).statusCode()).isEqualTo(200));
        }
    }

    @Test
    void failedFormLoginsFromOneAddressShowAMessageInsteadOfTheApplication(@TempDir Path home) throws Exception {
        try (Serve serve = new Serve(LocalCluster.plain().serviceFile(), home, "ace.serve.login.max-failures=3",
                "ace.serve.login.lockout=1h")) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            for (String user : new String[] {"viewer", "nobody", "admin"}) {
                assertThat(serve.formLogin(browser, user, "wrong")).endsWith("/login?error");
            }
            assertThat(serve.formLogin(browser, "viewer", "viewer-pw")).as("the address is locked out").endsWith("/login?throttled");
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(serve.url("/login?throttled"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("Too many failed logins");
            assertThat(serve.context().getBean(AuditLog.class).recent(0, 10))
                    .filteredOn(e -> e.action().equals("login-failed")).extracting(AuditLog.Entry::actor)
                    .containsExactly("admin", "nobody", "viewer");
        }
    }
}
