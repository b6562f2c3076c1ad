package io.ace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for browser tests (Debian's chromium and chromium-driver), with screenshots
 * written to target/screenshots for a person to look at.
 */
public final class Chromium implements AutoCloseable {

    public static final Path SHOTS = Path.of("target", "screenshots");
    private static final int WIDTH = 1440;
    private static final int HEIGHT = 1000;

    private final ChromeDriver driver;

    public Chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=" + WIDTH + "," + HEIGHT);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        this.driver = new ChromeDriver(service, options);
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** From the next page on, every page records what its Content-Security-Policy blocked, for {@link #blockedByPolicy()}. */
    public void recordPolicyViolations() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.aceBlocked = [];"
                + "document.addEventListener('securitypolicyviolation', function (e) {"
                + " window.aceBlocked.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.documentURI); });"));
    }

    /** What the current page's Content-Security-Policy blocked so far (after {@link #recordPolicyViolations()}). */
    public List<?> blockedByPolicy() {
        Object blocked = driver.executeScript("return window.aceBlocked || ['no recorder on this page'];");
        return (List<?>) blocked;
    }

    /** The visible part of the page as {@code target/screenshots/NAME.png}. */
    public Path shot(String name) {
        Path file = SHOTS.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The whole page, however long, as {@code target/screenshots/NAME.png}. */
    public Path fullPageShot(String name) {
        Map<String, Object> page = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) page.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
        Path file = SHOTS.resolve(name + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
