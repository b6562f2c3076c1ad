package io.ace.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.LocalCluster;
import io.ace.testing.Serve;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin UI as a person uses it, in headless Chromium (Debian's chromium and chromium-driver):
 * log in, launch a table-diff from the form, watch it complete, open its report. Screenshots go
 * to target/screenshots.
 */
class AdminUiBrowserTest {

    @TempDir
    static Path home;
    static Serve serve;
    static WebDriver browser;
    static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        LocalCluster cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.browsed; CREATE TABLE public.browsed (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.browsed SELECT g, 'v' || g FROM generate_series(1, 5000) g", "n1", "n2");
        cluster.sql("UPDATE public.browsed SET v = 'changed' WHERE id IN (42, 4242)", "n2");
        serve = new Serve(cluster.serviceFile(), home);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        serve.close();
    }

    private static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void login(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(serve.url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    @Test
    void operatorLaunchesADiffWatchesItAndOpensTheReport() throws Exception {
        login("operator", "wrong");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Wrong user name or password");
        shot("01-login-refused");

        login("operator", "operator-pw");
        assertThat(browser.getTitle()).contains("Dashboard");
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("operator");
        shot("02-dashboard");

        browser.get(serve.url("/launch?operation=table-diff"));
        browser.findElement(By.id("cluster")).sendKeys("local");
        browser.findElement(By.id("table")).sendKeys("public.browsed");
        browser.findElement(By.id("f_nodes")).sendKeys("n1,n2");
        browser.findElement(By.id("f_output")).sendKeys("html");
        browser.findElement(By.id("f_run-key")).sendKeys("browser-run");
        assertThat(browser.findElement(By.id("cli")).getText())
                .isEqualTo("scripts/ace table-diff local public.browsed --nodes n1,n2 --output html --run-key browser-run");
        shot("03-launch-form");
        browser.findElement(By.id("submit-launch")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.until(ExpectedConditions.urlMatches("/executions/\\d+$"));
        wait.until(d -> d.findElement(By.id("status")).getText().equals("COMPLETED"));
        assertThat(browser.findElement(By.id("exit-code")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#steps tr")).size()).isGreaterThan(3);
        shot("04-execution-completed");

        browser.findElement(By.id("open-report")).click();
        wait.until(d -> d.getPageSource().contains("browsed"));
        assertThat(browser.getPageSource()).contains("n1").contains("n2").contains("changed");
        shot("05-report");

        browser.get(serve.url("/executions"));
        assertThat(browser.findElement(By.id("executions")).getText()).contains("public.browsed");
        browser.get(serve.url("/history?operation=table-diff&cluster=local&table=public.browsed"));
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return typeof Chart !== 'undefined'").equals(Boolean.TRUE));
        shot("06-trends");
        browser.get(serve.url("/reports"));
        assertThat(browser.findElement(By.id("archive")).getText()).contains("table-diff");
        shot("07-archive");
        browser.get(serve.url("/audit"));
        assertThat(browser.findElement(By.id("audit")).getText()).contains("operator").contains("launch");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        login("admin", "admin-pw");
        browser.get(serve.url("/launch"));
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
        browser.findElement(By.id("cluster")).sendKeys("local");
        browser.findElement(By.id("table")).sendKeys("public.browsed");
        browser.findElement(By.id("f_diff-file")).sendKeys("/tmp/none.json");
        browser.findElement(By.id("f_source-of-truth")).sendKeys("n1");
        browser.findElement(By.id("submit-launch")).click();
        assertThat(browser.findElement(By.id("flash")).getText()).contains("viewer may not launch table-repair");
        shot("08-viewer-refused");
        assertThat(Map.of("page", browser.getCurrentUrl())).containsEntry("page", serve.url("/launch"));
    }
}
