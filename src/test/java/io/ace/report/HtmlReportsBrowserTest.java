package io.ace.report;

import io.ace.testing.Ace;
import io.ace.testing.Chromium;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML audit reports as an auditor reads them, in headless Chromium from the file a run
 * wrote: planted values (a trailing space, NULL against the empty string, a float's last digits,
 * a tab, a no-break space, a long value, a missing row, an odd node out) must be readable as
 * text with the differing cells marked, the row cap must be stated, and the page must load
 * nothing. Screenshots and printouts go to target/screenshots.
 */
@OnCluster
class HtmlReportsBrowserTest {

    private static final String LONG = "long text ".repeat(30);

    @AutoClose
    static Chromium chromium;
    static WebDriver browser;

    private final LocalCluster cluster;
    private final Ace ace;

    HtmlReportsBrowserTest(LocalCluster cluster, Ace ace) {
        this.cluster = cluster;
        this.ace = ace;
    }

    @BeforeAll
    static void start() {
        chromium = new Chromium();
        browser = chromium.driver();
    }

    /** {@code public.NAME} on n1..n3, with n3 the odd node out on seven keys and n1 on one. */
    private void plant(String name) {
        String t = "public." + name;
        cluster.sql("DROP TABLE IF EXISTS " + t + "; CREATE TABLE " + t + " (id int PRIMARY KEY, label text, f8 float8, amount numeric, note text);"
                + "INSERT INTO " + t + " SELECT g, 'row ' || g, g / 4.0, g * 1.5, 'note ' || g FROM generate_series(1, 200) g;"
                + "UPDATE " + t + " SET label = 'trailing' WHERE id = 10; UPDATE " + t + " SET note = '' WHERE id = 20;"
                + "UPDATE " + t + " SET f8 = 0.1 WHERE id = 30; UPDATE " + t + " SET note = '" + LONG + "END-A' WHERE id = 40;"
                + "UPDATE " + t + " SET label = 'tab here' WHERE id = 50; UPDATE " + t + " SET label = 'no break' WHERE id = 150",
                "n1", "n2", "n3");
        cluster.sql("UPDATE " + t + " SET label = 'trailing ' WHERE id = 10; UPDATE " + t + " SET note = NULL WHERE id = 20;"
                + "UPDATE " + t + " SET f8 = 0.10000000000000002 WHERE id = 30; UPDATE " + t + " SET note = '" + LONG + "END-B' WHERE id = 40;"
                + "UPDATE " + t + " SET label = E'tab\\there' WHERE id = 50; DELETE FROM " + t + " WHERE id = 60;"
                + "UPDATE " + t + " SET label = E'no\\u00a0break' WHERE id = 150", "n3");
        cluster.sql("UPDATE " + t + " SET amount = 3000.0 WHERE id = 70", "n1");
    }

    private static Path file(Ace.Result result, String label) {
        return result.out().lines().filter(l -> l.startsWith(label + ": ")).map(l -> Path.of(l.substring(label.length() + 2)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + label + " in\n" + result));
    }

    private static void open(Path html) {
        browser.get(html.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("verdict")).isEmpty());
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The cell of {@code column} in the row (an attribute selector such as {@code data-node='n1'}) of a key's rows. */
    private static WebElement cell(String keyRows, String row, String column) {
        return browser.findElement(By.cssSelector(keyRows + " tr[" + row + "] td[data-column='" + column + "']"));
    }

    private static boolean changed(WebElement cell) {
        return List.of(cell.getDomAttribute("class").split(" ")).contains("changed");
    }

    /** Nothing fetched, nothing that could fetch: no script, stylesheet link, image, frame or CSS url(). */
    private static void assertSelfContained(Path html) throws Exception {
        assertThat((List<?>) js("return performance.getEntriesByType('resource').map(e => e.name)")).isEmpty();
        assertThat((Long) js("return document.querySelectorAll('script, link, img, iframe, object, embed, video, audio, source, base').length"))
                .isZero();
        String css = (String) js("return [...document.styleSheets].map(s => [...s.cssRules].map(r => r.cssText).join('\\n')).join('\\n')");
        assertThat(css).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
        assertThat(Files.readString(html)).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//");
    }

    /** Opens a report and keeps what a person would see: the whole page as a PNG, and its printout as a PDF. */
    private static void openAndKeep(Path html, String name) throws Exception {
        open(html);
        chromium.fullPageShot(name);
        print(name);
    }

    private static void print(String name) throws Exception {
        String pdf = ((org.openqa.selenium.PrintsPage) browser).print(new PrintOptions()).getContent();
        byte[] bytes = Base64.getDecoder().decode(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.write(Chromium.SHOTS.resolve(name + ".pdf"), bytes);
    }

    @Test
    void theDiffReportShowsEveryPlantedValueAndMarksTheChangedCells() throws Exception {
        plant("audited");
        Ace.Result diff = ace.run("table-diff", "local", "public.audited", "--nodes", "n1,n2,n3", "--output", "html", "--block-size", "10");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        Path html = file(diff, "report");
        openAndKeep(html, "report-diff");
        assertThat(browser.getTitle()).isEqualTo("ACE table-diff public.audited");
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("16 differing rows between 3 of 3 node pairs");
        assertThat(browser.findElement(By.cssSelector("#pair-counts tr[data-pair='n1/n3']")).getText()).isEqualTo("n1 / n3 8 8");
        assertThat(browser.findElement(By.cssSelector("#pair-counts tr[data-pair='n1/n2']")).getText()).isEqualTo("n1 / n2 1 1");
        assertThat(browser.findElement(By.id("matrix")).getText()).contains("n3 8 7 —");
        assertThat(browser.findElement(By.cssSelector("#nodes tr[data-node='n3']")).getText()).contains("199").contains("7 keys");
        assertThat(browser.findElement(By.cssSelector("#nodes tr[data-node='n1']")).getText()).contains("1 key");
        assertThat(browser.findElements(By.cssSelector("#keyspace rect.bar"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.findElement(By.id("row-cap")).getText()).isEqualTo("All 16 differing rows are listed (this report lists at most 10,000, --max-html-rows).");
        // the summary reads as text, not as Java's printing of lists and maps
        String settings = browser.findElement(By.id("settings")).getText();
        assertThat(settings).contains("primary_key id").contains("recheck_lagging_nodes none").doesNotContain("{").doesNotContain("[");

        String pair = "#pair-n1-n3";
        String n1 = "data-node='n1'";
        String n3 = "data-node='n3'";
        // a trailing space
        WebElement trailing = cell(pair + " tbody[data-key='10']", n3, "label");
        assertThat(trailing.getText()).isEqualTo("trailing\u2423");
        assertThat(trailing.findElement(By.cssSelector(".mark")).getDomAttribute("title")).isEqualTo("trailing space");
        assertThat(cell(pair + " tbody[data-key='10']", n1, "label").getText()).isEqualTo("trailing");
        assertThat(changed(trailing)).isTrue();
        assertThat(changed(cell(pair + " tbody[data-key='10']", n1, "label"))).isTrue();
        assertThat(changed(cell(pair + " tbody[data-key='10']", n3, "f8"))).isFalse();
        assertThat(cell(pair + " tbody[data-key='10']", n3, "f8").getText()).isEqualTo("2.5");
        // NULL against the empty string
        WebElement nullCell = cell(pair + " tbody[data-key='20']", n3, "note");
        WebElement emptyCell = cell(pair + " tbody[data-key='20']", n1, "note");
        assertThat(nullCell.getText()).isEqualTo("NULL");
        assertThat(nullCell.findElements(By.cssSelector(".null"))).hasSize(1);
        assertThat(emptyCell.getText()).isEqualTo("empty");
        assertThat(emptyCell.findElements(By.cssSelector(".empty"))).hasSize(1);
        assertThat(changed(nullCell) && changed(emptyCell)).isTrue();
        // a float's last digits, as the diff file spells them
        assertThat(cell(pair + " tbody[data-key='30']", n1, "f8").getText()).isEqualTo("0.1");
        assertThat(cell(pair + " tbody[data-key='30']", n3, "f8").getText()).isEqualTo("0.10000000000000002");
        assertThat(cell(pair + " tbody[data-key='70']", n1, "amount").getText()).isEqualTo("3000.0");
        assertThat(cell(pair + " tbody[data-key='70']", n3, "amount").getText()).isEqualTo("105.0");
        // a tab and a no-break space
        assertThat(cell(pair + " tbody[data-key='50']", n3, "label").getText()).isEqualTo("tab\u21e5here");
        WebElement nbsp = cell(pair + " tbody[data-key='150']", n3, "label");
        assertThat(nbsp.getText()).isEqualTo("noU+00A0break");
        assertThat(nbsp.findElement(By.cssSelector(".mark")).getDomAttribute("title")).isEqualTo("U+00A0 no-break space");
        // a long value: cut where it differs, whole on hover, and on click
        WebElement longCell = cell(pair + " tbody[data-key='40']", n3, "note");
        assertThat(longCell.getText()).startsWith("\u2026text long text").endsWith("END-B+225 more characters");
        assertThat(cell(pair + " tbody[data-key='40']", n1, "note").getText()).endsWith("END-A+225 more characters");
        WebElement details = longCell.findElement(By.tagName("details"));
        assertThat(details.getDomAttribute("title")).isEqualTo(LONG + "END-B");
        details.findElement(By.tagName("summary")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> longCell.getText().endsWith(LONG + "END-B"));
        // a missing row, and the odd node out
        assertThat(browser.findElement(By.cssSelector(pair + " tbody[data-key='60'] tr[" + n3 + "] td.missing")).getText()).isEqualTo("no row on n3");
        assertThat(browser.findElement(By.cssSelector(pair + " tbody[data-key='10'] tr[" + n3 + "] .odd")).getText()).isEqualTo("odd one out");
        assertThat(browser.findElement(By.cssSelector(pair + " tbody[data-key='70'] tr[" + n1 + "] .odd")).getText()).isEqualTo("odd one out");

        chromium.shot("report-diff-long-value-expanded");
        assertSelfContained(html);
    }

    @Test
    void theRepairReportShowsBeforeAndAfterPerColumn() throws Exception {
        plant("repaired");
        Ace.Result diff = ace.run("table-diff", "local", "public.repaired", "--nodes", "n1,n2,n3");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        Ace.Result repair = ace.run("table-repair", "local", "public.repaired", "--diff-file", diff.diffFile().toString(),
                "--source-of-truth", "n1", "--generate-report", "--output-dir", ace.outputDir().toString());
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        Path html = file(repair, "report");
        openAndKeep(html, "report-repair");
        assertThat(browser.getTitle()).isEqualTo("ACE table-repair public.repaired");
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("9 changes; re-checked afterwards, the repaired keys match on every node");
        assertThat(browser.findElement(By.cssSelector("#per-node tr[data-node='n3']")).getText()).isEqualTo("n3 1 7 0 0 0");
        assertThat(browser.findElement(By.cssSelector("#per-node tr[data-node='n2']")).getText()).isEqualTo("n2 0 1 0 0 0");
        String before = "data-side='before'";
        String after = "data-side='after'";
        String n3 = "#changes tbody[data-node='n3']";
        assertThat(browser.findElement(By.cssSelector(n3 + "[data-key='10']")).getText()).contains("update").contains("applied");
        WebElement was = cell(n3 + "[data-key='10']", before, "label");
        WebElement now = cell(n3 + "[data-key='10']", after, "label");
        assertThat(was.getText()).isEqualTo("trailing\u2423");
        assertThat(now.getText()).isEqualTo("trailing");
        assertThat(changed(was) && changed(now)).isTrue();
        assertThat(changed(cell(n3 + "[data-key='10']", after, "f8"))).isFalse();
        assertThat(cell(n3 + "[data-key='20']", before, "note").getText()).isEqualTo("NULL");
        assertThat(cell(n3 + "[data-key='20']", after, "note").getText()).isEqualTo("empty");
        assertThat(cell(n3 + "[data-key='30']", before, "f8").getText()).isEqualTo("0.10000000000000002");
        assertThat(cell(n3 + "[data-key='30']", after, "f8").getText()).isEqualTo("0.1");
        assertThat(changed(cell(n3 + "[data-key='30']", after, "f8"))).isTrue();
        assertThat(browser.findElement(By.cssSelector(n3 + "[data-key='60'] tr[" + before + "] td.missing")).getText()).isEqualTo("no row");
        assertThat(cell(n3 + "[data-key='60']", after, "label").getText()).isEqualTo("row 60");
        assertThat(browser.findElement(By.cssSelector(n3 + "[data-key='60']")).getText()).contains("insert");
        assertThat(cell("#changes tbody[data-node='n2'][data-key='70']", before, "amount").getText()).isEqualTo("105.0");
        assertThat(cell("#changes tbody[data-node='n2'][data-key='70']", after, "amount").getText()).isEqualTo("3000.0");
        String settings = browser.findElement(By.id("settings")).getText();
        assertThat(settings).contains("source_of_truth n1").doesNotContain("{").doesNotContain("[");

        assertSelfContained(html);
    }

    @Test
    void keysAndWordsNeverWrapInsideThemselvesAtAnyWidth() throws Exception {
        String t = "public.wrapped";
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int c = 1; c <= 10; c++) {
            columns.append(", city").append(c).append(" text");
            values.append(", 'Berlin'");
        }
        cluster.sql("DROP TABLE IF EXISTS " + t + "; CREATE TABLE " + t + " (id int, sub int" + columns + ", token text, PRIMARY KEY (id, sub));"
                + "INSERT INTO " + t + " VALUES (50000, 1" + values + ", repeat('x', 90)), (20001, 1" + values + ", repeat('y', 90))",
                "n1", "n2");
        cluster.sql("UPDATE " + t + " SET city3 = 'Hamburg', token = repeat('z', 90)", "n2");
        Ace.Result diff = ace.run("table-diff", "local", t, "--nodes", "n1,n2", "--output", "html");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        for (int width : List.of(1400, 1000)) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            open(file(diff, "report"));
            // an inline box split over two lines has two rectangles: no word of a key or a short value may be
            @SuppressWarnings("unchecked")
            List<String> split = (List<String>) js("return [...document.querySelectorAll('td.key .v, td.val .v:not(.wide)')]"
                    + ".filter(s => !/\\s/.test(s.textContent) && s.getClientRects().length > 1).map(s => s.textContent)");
            assertThat(split).as("split at " + width + " px").isEmpty();
            assertThat(browser.findElement(By.cssSelector("#pair-n1-n2 tbody.key td.key")).getText()).isIn("20001, 1", "50000, 1");
            // the 90-character word is the one value that may wrap inside itself
            assertThat((Long) js("return document.querySelectorAll('td.val .v.wide').length")).isPositive();
            chromium.fullPageShot("report-wrapping-" + width);
        }
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    @Test
    void theRowCapIsStatedAndTheJsonKeepsEveryRow() throws Exception {
        String t = "public.capped";
        cluster.sql("DROP TABLE IF EXISTS " + t + "; CREATE TABLE " + t + " (id int PRIMARY KEY, v text);"
                + "INSERT INTO " + t + " SELECT g, 'v' || g FROM generate_series(1, 100) g", "n1", "n2", "n3");
        cluster.sql("UPDATE " + t + " SET v = 'changed' WHERE id % 8 = 0", "n2");
        Ace.Result diff = ace.run("table-diff", "local", t, "--nodes", "n1,n2,n3", "--output", "html", "--max-html-rows", "5");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        JsonNode rows = diff.diff().get("diffs").get("n1/n2").get("rows");
        assertThat(rows.get("n1").size()).isEqualTo(12);
        assertThat(rows.get("n2").size()).isEqualTo(12);
        open(file(diff, "report"));
        // n2 is the odd node out on each of its 12 keys: they differ under n1/n2 and n2/n3, and count once against the cap
        assertThat(browser.findElement(By.id("row-cap")).getText()).isEqualTo("Listing 10 of 24 differing rows, for 5 distinct keys: this report"
                + " lists at most 5 keys (--max-html-rows), taken in turn from each pair, each shown in every pair where it differs."
                + " The diff file has every row.");
        List<String> listed = browser.findElements(By.cssSelector("#pair-n1-n2 tbody.key")).stream().map(e -> e.getAttribute("data-key")).toList();
        assertThat(listed).hasSize(5).doesNotHaveDuplicates();
        assertThat(browser.findElements(By.cssSelector("#pair-n2-n3 tbody.key")).stream().map(e -> e.getAttribute("data-key")).toList())
                .isEqualTo(listed);
        assertThat(browser.findElement(By.cssSelector("#pair-counts tr[data-pair='n1/n2']")).getText()).isEqualTo("n1 / n2 12 5");
        chromium.shot("report-diff-capped");

        Ace.Result repair = ace.run("table-repair", "local", t, "--diff-file", diff.diffFile().toString(), "--source-of-truth", "n1",
                "--generate-report", "--max-html-rows", "3", "--output-dir", ace.outputDir().toString());
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(file(repair, "repair report")));
        assertThat(json.get("changes").size()).isEqualTo(12);
        open(file(repair, "report"));
        assertThat(browser.findElement(By.id("row-cap")).getText()).isEqualTo(
                "Listing 3 of 12 changes: this report lists at most 3 (--max-html-rows). The JSON report has every change.");
        assertThat(browser.findElements(By.cssSelector("#changes tbody.key"))).hasSize(3);

        // repaired: the report of an in-sync table says so and lists nothing
        Ace.Result inSync = ace.run("table-diff", "local", t, "--nodes", "n1,n2", "--output", "html");
        assertThat(inSync.exitCode()).as(inSync.toString()).isZero();
        open(file(inSync, "report"));
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("All 2 compared nodes are in sync");
        assertThat(browser.findElements(By.cssSelector("tbody.key, #keyspace rect.bar"))).isEmpty();
        chromium.shot("report-diff-in-sync");

        Ace.Result refused = ace.run("table-diff", "local", t, "--nodes", "n1,n2", "--max-html-rows", "-1");
        assertThat(refused.exitCode()).isEqualTo(64);
        assertThat(refused.err()).contains("--max-html-rows must be between 0 and 1000000, got -1");
    }
}
