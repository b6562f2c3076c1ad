package io.ace.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.audit.AuditLog;
import io.ace.testing.LocalCluster;
import io.ace.testing.Serve;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing one user's password under spellings of its name (spaces, tabs, case, full-width
 * letters), each from another client address: every spelling is that user, so its failures add
 * up to a lockout, on the form and on the API alike.
 */
class UserNameVariantsServeTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=[^;]+)");
    private static final Pattern LOCATION = Pattern.compile("(?im)^Location: (\\S+)");

    /** 28 spellings of "admin" that a login form or a basic header may carry. */
    private static List<String> spellingsOfAdmin() {
        List<String> names = new ArrayList<>();
        for (String around : List.of(" %s", "%s ", "\t%s", "%s\t", " %s\n", "\u00a0%s", "%s\u3000")) {
            for (String admin : List.of("admin", "ADMIN", "Admin", "ａｄｍｉｎ")) {
                names.add(String.format(around, admin));
            }
        }
        return names;
    }

    @Test
    void everySpellingOfAUserNameIsThatUserForTheThrottleAndTheLogin(@TempDir Path home) throws IOException {
        try (Serve serve = new Serve(LocalCluster.plain().serviceFile(), home)) {
            int port = URI.create(serve.url("/")).getPort();
            assertThat(formLogin(port, "127.0.0.2", "\tAdmin ", "admin-pw")).as("a spelling of admin logs in as admin").endsWith("/");

            List<String> spellings = spellingsOfAdmin();
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < spellings.size(); i++) {
                answers.add(formLogin(port, "127.0.0." + (10 + i), spellings.get(i), "guess-" + i));
            }
            // the default throttle: five failures lock the user out, whatever the address
            assertThat(answers.subList(0, 5)).allMatch(a -> a.endsWith("/login?error"));
            assertThat(answers.subList(5, answers.size())).allMatch(a -> a.endsWith("/login?throttled"));
            assertThat(formLogin(port, "127.0.0.90", "admin", "admin-pw")).as("admin is locked out").endsWith("/login?throttled");
            assertThat(status(basicGet(port, "127.0.0.91", "admin ", "admin-pw"))).isEqualTo(429);

            assertThat(serve.context().getBean(AuditLog.class).recent(0, 50))
                    .filteredOn(e -> e.action().equals("login-failed")).hasSize(5)
                    .allSatisfy(e -> assertThat(e.actor()).isEqualTo("admin"));
        }
    }

    /** The login form posted from {@code address} as a browser does (session cookie, CSRF token); where it redirects to. */
    private static String formLogin(int port, String address, String user, String password) throws IOException {
        String page = exchange(port, address, "GET /login HTTP/1.0\r\nHost: localhost\r\n\r\n");
        Matcher cookie = COOKIE.matcher(page);
        Matcher csrf = CSRF.matcher(page);
        assertThat(cookie.find() && csrf.find()).as("session cookie and CSRF token in " + page).isTrue();
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        String posted = exchange(port, address, "POST /login HTTP/1.0\r\nHost: localhost\r\nCookie: " + cookie.group(1)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body);
        Matcher location = LOCATION.matcher(posted);
        assertThat(location.find()).as("a redirect: " + posted).isTrue();
        return location.group(1);
    }

    private static String basicGet(int port, String address, String user, String password) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return exchange(port, address, "GET /api/v1/executions HTTP/1.0\r\nHost: localhost\r\nAuthorization: Basic " + credentials + "\r\n\r\n");
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    /** One HTTP/1.0 exchange from a loopback address of the test's choosing (the server sees it as the client's address). */
    private static String exchange(int port, String address, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
