package io.ace.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.AceProcess;
import io.ace.testing.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTML report is written in a fixed memory budget whatever --max-html-rows asks: the packaged
 * application with a 128 MB heap lists what fits of 40,000 differing 2 kB rows asked to list
 * 100,000, says so, and the diff file still has every row. Before the budget, the rows kept for the
 * listing alone were larger than the heap, and a serve process died of it.
 */
class SmallHeapReportIT {

    private static final String SMALL_HEAP = "-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final int ROWS = 40_000;

    @Test
    void aReportOfRowsLargerThanTheHeapListsWhatFitsItsBudget(@TempDir Path home) throws Exception {
        LocalCluster cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.wide_report; CREATE TABLE public.wide_report (id int PRIMARY KEY, payload text);"
                + "INSERT INTO public.wide_report SELECT g, repeat(md5(g::text), 32) FROM generate_series(1, " + ROWS + ") g;"
                + "ANALYZE public.wide_report", "n1", "n2");
        cluster.sql("UPDATE public.wide_report SET payload = payload || '#'", "n2");

        Path out = Files.createDirectories(home.resolve("out"));
        Ace.Result diff = new AceProcess(cluster, home, SMALL_HEAP).run(Duration.ofMinutes(10), "table-diff", "local",
                "public.wide_report", "--nodes", "n1,n2", "--no-recheck", "--output", "html", "--max-html-rows", "100000",
                "--output-dir", out.toString());
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.err()).doesNotContain("OutOfMemoryError");
        assertThat(diff.diff().path("summary").path("diff_rows_count").path("n1/n2").asLong()).isEqualTo(ROWS);
        Path html;
        try (Stream<Path> files = Files.list(out)) {
            html = files.filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow();
        }
        String page = Files.readString(html);
        assertThat(page).contains("of 40,000 differing rows").contains("fixed memory budget for listed values");
    }
}
