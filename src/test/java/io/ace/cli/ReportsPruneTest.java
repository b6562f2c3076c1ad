package io.ace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.batch.RunQueries;
import io.ace.report.archive.ReportRetention;
import io.ace.testing.Ace;
import io.ace.testing.BusySessions;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code reports prune} while a run is going (held back by {@code --max-load}), with a size limit
 * every file exceeds: the reports directory's files are deleted and listed, the old one by age,
 * the recent one by size, but one written since the run started stays; the ledger in the
 * archive records the deletions, and the run completes.
 */
@OnCluster(properties = {"ace.reports.retention-days=30", "ace.reports.max-total-size=1B"})
class ReportsPruneTest {

    @Test
    void pruneDeletesOldReportsAndKeepsWhatARunningRunMayWrite(LocalCluster cluster, Ace ace) throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.pruned_t; CREATE TABLE public.pruned_t (id int PRIMARY KEY, v text);"
                + " INSERT INTO public.pruned_t SELECT g, 'v' FROM generate_series(1, 1000) g", "n1", "n2");
        cluster.sql("UPDATE public.pruned_t SET v = 'w' WHERE id = 7", "n2");
        Path reports = Files.createDirectories(ace.outputDir());
        Path old = aged(reports.resolve("public_old_diffs-20240101000000.json"), Duration.ofDays(40));
        Path recent = aged(reports.resolve("public_recent_diffs-20260101000000.json"), Duration.ofDays(2));

        CompletableFuture<Ace.Result> run;
        Path inProgress;
        try (BusySessions busy = cluster.busySessions("n2", 2)) {
            run = CompletableFuture.supplyAsync(() -> ace.run("table-diff", "local", "public.pruned_t", "--nodes", "n1,n2", "--max-load", "1"));
            RunQueries queries = ace.context().getBean(RunQueries.class);
            await("the run to start").atMost(Duration.ofSeconds(60)).until(() -> !queries.running(0).isEmpty());
            // a file the run could be writing
            inProgress = Files.writeString(reports.resolve("public_pruned_t_diffs-in-progress.json"), "{}");

            Ace.Result pruned = ace.run("reports", "prune");
            assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
            assertThat(pruned.out()).contains("deleted " + old).contains("deleted " + recent).doesNotContain(inProgress.toString())
                    .contains("2 report files");
        }
        assertThat(old).doesNotExist();
        assertThat(recent).doesNotExist();
        assertThat(inProgress).exists();
        String ledger = Files.readString(ace.home().resolve("archive").resolve(ReportRetention.LEDGER));
        assertThat(ledger).contains("\"by\":\"command line\"").contains(old.toString()).doesNotContain(inProgress.toString());
        assertThat(run.get().exitCode()).as(run.get().toString()).isEqualTo(1);
    }

    private static Path aged(Path file, Duration age) throws Exception {
        Files.writeString(file, "{}");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }
}
