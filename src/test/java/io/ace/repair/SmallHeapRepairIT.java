package io.ace.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.AceProcess;
import io.ace.testing.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repair and re-check stream the diff file: the packaged application with a 96 MB heap repairs
 * a diff file five times that size, and the nodes end up identical.
 */
class SmallHeapRepairIT {

    private static final String SMALL_HEAP = "-Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final int ROWS = 130_000;

    @Test
    void repairsADiffFileManyTimesTheHeap(@TempDir Path home) throws Exception {
        LocalCluster cluster = LocalCluster.plain();
        // rows of about 2 kB stored inline; every one differs on n2
        cluster.sql("DROP TABLE IF EXISTS public.wide; CREATE TABLE public.wide (id int PRIMARY KEY, n int, payload text);"
                + "INSERT INTO public.wide SELECT g, g % 1000, repeat(md5(g::text), 60) FROM generate_series(1, " + ROWS + ") g;"
                + "ANALYZE public.wide", "n1", "n2");
        cluster.sql("UPDATE public.wide SET n = n + 1, payload = payload || '#'", "n2");

        Path out = Files.createDirectories(home.resolve("out"));
        Ace.Result diff = new AceProcess(cluster, home, null).run(Duration.ofMinutes(10),
                "table-diff", "local", "public.wide", "--nodes", "n1,n2", "--max-diff-rows", "0", "--output-dir", out.toString());
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        Path diffFile = diff.diffFile();
        assertThat(Files.size(diffFile)).as("diff file size").isGreaterThan(5L * 96 * 1024 * 1024);

        AceProcess small = new AceProcess(cluster, home, SMALL_HEAP);
        Ace.Result repair = small.run(Duration.ofMinutes(10), "table-repair", "local", "public.wide", "--diff-file",
                diffFile.toString(), "--source-of-truth", "n1", "--output-dir", out.toString());
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("n2 inserted 0, updated " + ROWS + ", deleted 0, stale 0")
                .contains(ROWS + " keys verified identical");
        String table = "SELECT count(*) || ':' || bit_xor(hash_record_extended(t, 0)) FROM public.wide t";
        assertThat(fingerprint(cluster, "n2", table)).isEqualTo(fingerprint(cluster, "n1", table));

        Ace.Result rerun = small.run(Duration.ofMinutes(10), "table-rerun", "local", "public.wide", "--diff-file",
                diffFile.toString(), "--output-dir", out.toString());
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.out()).contains("all differences resolved");
    }

    private static String fingerprint(LocalCluster cluster, String node, String sql) throws Exception {
        try (var c = cluster.connect(node); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
