package io.ace.web;

import io.ace.testing.Chromium;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.Serve;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin UI as a person uses it, in headless Chromium (Debian's chromium and chromium-driver):
 * log in, launch a table-diff from the form, watch it complete, open its report. Screenshots go
 * to target/screenshots.
 */
@OnCluster
class AdminUiBrowserTest {

    @TempDir
    static Path home;
    @AutoClose
    static Serve serve;
    @AutoClose
    static Chromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void start(LocalCluster cluster) {
        cluster.sql("DROP TABLE IF EXISTS public.browsed; CREATE TABLE public.browsed (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.browsed SELECT g, 'v' || g FROM generate_series(1, 5000) g", "n1", "n2");
        cluster.sql("UPDATE public.browsed SET v = 'changed' WHERE id IN (42, 4242)", "n2");
        serve = new Serve(cluster.serviceFile(), home);
        chromium = new Chromium();
        chromium.recordPolicyViolations();
        browser = chromium.driver();
    }

    private static void shot(String name) {
        chromium.shot(name);
    }

    /** An element once the page shows it: every read after a click or a navigation waits for what it reads. */
    private static WebElement shown(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void login(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(serve.url("/login"));
        shown(By.id("username")).sendKeys(user);
        shown(By.id("password")).sendKeys(password);
        shown(By.id("login")).click();
    }

    @Test
    void operatorLaunchesADiffWatchesItAndOpensTheReport() throws Exception {
        login("operator", "wrong");
        assertThat(shown(By.id("login-error")).getText()).contains("Wrong user name or password");
        shot("01-login-refused");

        login("operator", "operator-pw");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("Dashboard"));
        assertThat(shown(By.id("user")).getText()).isEqualTo("operator");
        assertThat(shown(By.id("roles")).getText()).isEqualTo("OPERATOR");
        shot("02-dashboard");
        assertThat(chromium.blockedByPolicy()).isEmpty();

        browser.get(serve.url("/launch?operation=table-diff"));
        shown(By.id("cluster")).sendKeys("local");
        shown(By.id("table")).sendKeys("public.browsed");
        shown(By.id("f_nodes")).sendKeys("n1,n2");
        shown(By.id("f_output")).sendKeys("html");
        shown(By.id("f_run-key")).sendKeys("browser-run");
        String command = "scripts/ace table-diff local public.browsed --nodes n1,n2 --output html --run-key browser-run";
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("cli"), command));
        shot("03-launch-form");
        assertThat(chromium.blockedByPolicy()).isEmpty();
        shown(By.id("submit-launch")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        // the page of a running execution reloads itself every 3 s: an element read as it reloads is read again
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.urlMatches("/executions/\\d+$"));
        wait.until(d -> d.findElement(By.id("status")).getText().equals("COMPLETED"));
        assertThat(shown(By.id("exit-code")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#steps tr")).size()).isGreaterThan(3);
        // the diff file's follow-ups the operator's role may launch: a re-run, not a repair
        assertThat(shown(By.id("actions")).getText()).contains("Re-run these keys…").doesNotContain("Repair these rows…");
        shot("04-execution-completed");
        assertThat(chromium.blockedByPolicy()).isEmpty();

        shown(By.id("open-report")).click();
        wait.until(d -> d.getPageSource().contains("browsed"));
        assertThat(browser.getPageSource()).contains("n1").contains("n2").contains("changed");
        // the web user who launched it, not the server's process user
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Launched by operator (web) on host");
        shot("05-report");
        assertThat(chromium.blockedByPolicy()).isEmpty();

        browser.get(serve.url("/executions"));
        assertThat(shown(By.id("executions")).getText()).contains("public.browsed");
        browser.get(serve.url("/history?operation=table-diff&cluster=local&table=public.browsed"));
        // both charts drawn, by the page's script file under the Content-Security-Policy
        wait.until(d -> ((JavascriptExecutor) d).executeScript(
                "return typeof Chart !== 'undefined' && !!Chart.getChart('durations') && !!Chart.getChart('differences')").equals(Boolean.TRUE));
        shot("06-trends");
        assertThat(chromium.blockedByPolicy()).isEmpty();
        browser.get(serve.url("/reports"));
        assertThat(shown(By.id("archive")).getText()).contains("table-diff");
        shot("07-archive");
        browser.get(serve.url("/audit"));
        assertThat(shown(By.id("audit")).getText()).contains("operator").contains("launch");
    }

    @Test
    void pagesReportsAndApiAnswersCarryASecurityPolicy() {
        HttpResponse<String> launched = serve.send("POST", "/api/v1/table-diff", "operator",
                "{\"cluster_name\":\"local\",\"table_name\":\"public.browsed\",\"nodes\":[\"n1\",\"n2\"],\"output\":\"html\","
                        + "\"run_key\":\"headers-run\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
        long id = Serve.json(launched).path("execution_id").asLong();
        serve.awaitEnd(id, Duration.ofSeconds(90));
        HttpClient loggedIn = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        serve.formLogin(loggedIn, "viewer", "viewer-pw");

        HttpResponse<String> page = serve.send(loggedIn, "/executions/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        // times as reports and the API write them: with their offset
        assertThat(page.body()).containsPattern("Started \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2} · ended \\d{4}-");
        assertThat(policy(page)).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                "base-uri 'none'", "frame-ancestors 'none'").doesNotContain("unsafe");
        HttpResponse<String> report = serve.send(loggedIn, "/reports/execution/" + id + "/html");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("browsed");
        assertThat(policy(report)).contains("default-src 'none'", "sandbox", "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContain("script-src");
        HttpResponse<String> api = serve.send("GET", "/api/v1/executions/" + id, "viewer", null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(policy(api)).contains("default-src 'none'", "frame-ancestors 'none'");
        for (HttpResponse<String> answer : List.of(page, report, api)) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(answer.uri().toString()).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(answer.uri().toString()).hasValue("no-referrer");
        }
    }

    private static String policy(HttpResponse<String> answer) {
        assertThat(answer.headers().allValues("Content-Security-Policy")).as(answer.uri().toString()).hasSize(1);
        return answer.headers().firstValue("Content-Security-Policy").orElseThrow();
    }

    @Test
    void operationsOnASetOrTheWholeClusterHaveTheirOwnTargetOrNone() {
        login("operator", "operator-pw");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("Dashboard"));
        browser.get(serve.url("/launch?operation=repset-diff"));
        assertThat(shown(By.cssSelector("label[for=table]")).getText()).isEqualTo("Target (REPSET)");
        assertThat(shown(By.id("f_skip-tables"))).isNotNull();
        assertThat(browser.findElements(By.id("f_skip-file"))).as("a web form names no file on the server").isEmpty();

        browser.get(serve.url("/launch?operation=spock-diff"));
        shown(By.id("cluster")).sendKeys("local");
        assertThat(browser.findElements(By.id("table"))).as("spock-diff works on the whole cluster").isEmpty();
        shown(By.id("f_nodes")).sendKeys("n1,n2");
        shown(By.id("f_output")).sendKeys("html");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.id("cli"), "scripts/ace spock-diff local --nodes n1,n2 --output html"));
        shown(By.id("submit-launch")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        // the page of a running execution reloads itself every 3 s: an element read as it reloads is read again
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.urlMatches("/executions/\\d+$"));
        wait.until(d -> d.findElement(By.id("status")).getText().equals("COMPLETED"));
        shot("08-spock-diff-completed");
        shown(By.id("open-report")).click();
        wait.until(d -> d.getPageSource().contains("Replication configuration"));
        assertThat(browser.getPageSource()).contains("native").contains("n2");
        shot("09-spock-diff-report");

        // a whole-cluster run is no per-target result, and totals add only what counts the same thing
        browser.get(serve.url("/"));
        assertThat(shown(By.id("totals")).getText()).doesNotContain("configuration mismatches");
        assertThat(browser.findElements(By.cssSelector("#latest td")).stream().map(WebElement::getText)).doesNotContain("spock-diff");
        shot("10-dashboard-after-runs");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        login("admin", "admin-pw");
        browser.get(serve.url("/launch"));
        shown(By.id("submit-launch"));
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "fetch('/launch', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'operation=table-diff&cluster=local&table=public.browsed', redirect: 'manual'})"
                + ".then(r => done(r.status)).catch(e => done(String(e)));");
        assertThat(status).isEqualTo(403L);
    }

    @Test
    void aViewerCannotLaunchARepair() throws Exception {
        login("viewer", "viewer-pw");
        browser.get(serve.url("/launch?operation=table-repair"));
        shown(By.id("cluster")).sendKeys("local");
        shown(By.id("table")).sendKeys("public.browsed");
        shown(By.id("f_from-execution")).sendKeys("1");
        shown(By.id("f_source-of-truth")).sendKeys("n1");
        shown(By.id("submit-launch")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "viewer may not launch table-repair"));
        shot("08-viewer-refused");
        assertThat(Map.of("page", browser.getCurrentUrl())).containsEntry("page", serve.url("/launch"));
    }

    @Test
    void theFormNamesNoServerPathAndRefusalsAnswerAsPages() {
        login("operator", "operator-pw");
        browser.get(serve.url("/launch?operation=no-such-operation"));
        assertThat(shown(By.id("refusal")).getText()).contains("unknown operation 'no-such-operation'");
        assertThat(browser.getTitle()).contains("Refused");
        browser.get(serve.url("/executions/not-a-number"));
        assertThat(shown(By.id("refusal")).getText()).contains("'id' must be a long");

        // a field the form does not offer, added by hand: the server decides where reports go
        browser.get(serve.url("/launch?operation=table-diff"));
        shown(By.id("cluster")).sendKeys("local");
        shown(By.id("table")).sendKeys("public.browsed");
        ((JavascriptExecutor) browser).executeScript("var i = document.createElement('input'); i.type = 'hidden';"
                + " i.name = 'f_output-dir'; i.value = '/tmp/anywhere'; document.getElementById('launch-form').appendChild(i);");
        shown(By.id("submit-launch")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"),
                "--output-dir is decided by the server"));
        shot("09-server-path-refused");
    }
}
