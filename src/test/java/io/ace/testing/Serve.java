package io.ace.testing;

import io.ace.AceApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ace serve} in-process on a free port, as the launcher starts it, with three users
 * (viewer, operator, admin; password = user name + "-pw") and one API token.
 */
public final class Serve implements AutoCloseable {

    public static final String TOKEN = "test-token-7f3a";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Serve(Path serviceFile, Path home, String... properties) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        List<String> props = new ArrayList<>(List.of("--ACE_PGSERVICEFILE=" + serviceFile, "--ace.home=" + home, "--server.port=0",
                "--ace.schedule.dir=" + home.resolve("jobs"), "--ace.archive.root=" + home.resolve("archive"),
                "--ace.serve.tokens.ci.sha256=" + io.ace.difffile.Sha256.ofText(TOKEN), "--ace.serve.tokens.ci.role=OPERATOR"));
        for (String user : List.of("viewer", "operator", "admin")) {
            props.add("--ace.serve.users." + user + ".password={bcrypt}" + bcrypt.encode(user + "-pw"));
            props.add("--ace.serve.users." + user + ".role=" + user.toUpperCase());
        }
        for (String p : properties) {
            props.add("--" + p);
        }
        this.context = new SpringApplicationBuilder(AceApplication.class).web(WebApplicationType.SERVLET).profiles("serve")
                .run(props.toArray(String[]::new));
        this.base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String url(String path) {
        return base + path;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** A request with HTTP basic credentials ({@code user} null: anonymous). */
    public HttpResponse<String> send(String method, String path, String user, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(90))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
        }
        return send(b);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(http, request);
    }

    /** A GET of {@code path} with {@code browser}, a client logged in by {@link #formLogin}. */
    public HttpResponse<String> send(HttpClient browser, String path) {
        return send(browser, HttpRequest.newBuilder(URI.create(url(path))));
    }

    /** Posts the login form as a browser does (session cookie and CSRF token) with {@code browser}; where it redirects to. */
    public String formLogin(HttpClient browser, String user, String password) {
        HttpResponse<String> form = send(browser, HttpRequest.newBuilder(URI.create(url("/login"))));
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token in the login page: " + form.body());
        }
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> posted = send(browser, HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (posted.statusCode() != 302) {
            throw new AssertionError("the login form answered " + posted.statusCode());
        }
        return posted.headers().firstValue("Location").orElse("");
    }

    /** A page of the admin UI as {@code user} (of the three; password = user name + "-pw") sees it after logging in. */
    public String page(String user, String path) {
        HttpResponse<String> page = uiGet(user, path);
        if (page.statusCode() != 200) {
            throw new AssertionError(path + " answered " + page.statusCode() + ": " + page.body());
        }
        return page.body();
    }

    /** What the admin UI answers {@code user} (of the three) for {@code path} after logging in, whatever the status. */
    public HttpResponse<String> uiGet(String user, String path) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String landed = formLogin(browser, user, user + "-pw");
        if (landed.contains("/login?")) {
            throw new AssertionError(user + " could not log in: " + landed);
        }
        return send(browser, HttpRequest.newBuilder(URI.create(url(path))));
    }

    /**
     * Posts a form of the admin UI as {@code user} would: logged in, with the CSRF token of the page
     * at {@code formPath}; fields are sent as given (names and values not checked here).
     */
    public HttpResponse<String> postForm(String user, String formPath, String action, Map<String, String> fields) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        formLogin(browser, user, user + "-pw");
        Matcher csrf = CSRF.matcher(send(browser, HttpRequest.newBuilder(URI.create(url(formPath)))).body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token in " + formPath);
        }
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        fields.forEach((k, v) -> body.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(browser, HttpRequest.newBuilder(URI.create(url(action))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return MAPPER.readTree(response.body());
    }

    /** Polls an execution through the API until it has ended; its final JSON. */
    public JsonNode awaitEnd(long executionId, Duration timeout) {
        return Awaitility.await("execution " + executionId + " to end").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> json(send("GET", "/api/v1/executions/" + executionId, "viewer", null)),
                        e -> !e.path("exit_code").isNull() && !e.path("exit_code").isMissingNode());
    }

    @Override
    public void close() {
        context.close();
    }
}
