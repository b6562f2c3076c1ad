package io.ace.report.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports' retention on real directories: files older than the retention go, then the oldest
 * beyond the size limit; files a running run recorded or may be writing stay, whatever their age;
 * links are neither followed nor deleted, nor is an archive inside the reports directory walked;
 * archive day directories older than the archive's retention go; the ledger lists each deletion.
 */
@Tag("fast")
class ReportRetentionTest {

    @TempDir
    Path dir;

    @Test
    void oldReportsGoAndWhatRunningRunsUseStays() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path archiveRoot = dir.resolve("archive");
        Path old = file(reports.resolve("public_t_diffs-20240101000000.json"), 100, Duration.ofDays(120));
        Path nested = file(reports.resolve("sets/public_u_diffs-20240101000000.json"), 100, Duration.ofDays(95));
        Path recent = file(reports.resolve("public_t_diffs-20260101000000.json"), 100, Duration.ofDays(10));
        Path recordedByRunning = file(reports.resolve("public_r_diffs.json"), 100, Duration.ofDays(200));
        Path outside = file(dir.resolve("elsewhere/keep.json"), 100, Duration.ofDays(300));
        Path linkToFile = Files.createSymbolicLink(reports.resolve("link.json"), outside);
        Path linkToDir = Files.createSymbolicLink(reports.resolve("linked-dir"), outside.getParent());
        Path oldDay = file(archiveRoot.resolve("2020/01/02/1-table-diff-public.t/manifest.json"), 10, Duration.ZERO).getParent().getParent();

        ReportRetention retention = new ReportRetention(reports, new ReportArchive(archiveRoot, 90), 90, 0);
        ReportRetention.Pruned pruned = retention.prune(new ReportRetention.InUse(Set.of(recordedByRunning), null), "test");

        assertThat(pruned.files()).containsOnlyKeys(old, nested);
        assertThat(pruned.bytes()).isEqualTo(200);
        assertThat(old).doesNotExist();
        assertThat(nested).doesNotExist();
        assertThat(recent).exists();
        assertThat(recordedByRunning).exists();
        assertThat(outside).exists();
        assertThat(linkToFile).isSymbolicLink();
        assertThat(linkToDir).isSymbolicLink();
        assertThat(pruned.archiveDays()).containsExactly(oldDay);
        assertThat(oldDay).doesNotExist();
        String ledger = Files.readString(archiveRoot.resolve(ReportRetention.LEDGER));
        assertThat(ledger.lines()).hasSize(1);
        assertThat(ledger).contains("\"by\":\"test\"").contains(old.toString()).contains(nested.toString()).contains("2020/01/02")
                .doesNotContain(recent.toString());
    }

    @Test
    void beyondTheSizeLimitTheOldestGoButNothingARunMayBeWriting() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path oldest = file(reports.resolve("a.json"), 400, Duration.ofDays(5));
        Path older = file(reports.resolve("b.json"), 400, Duration.ofDays(4));
        Path newer = file(reports.resolve("c.json"), 400, Duration.ofDays(3));
        Path writing = file(reports.resolve("d.json"), 400, Duration.ofMinutes(1));

        ReportRetention retention = new ReportRetention(reports, new ReportArchive(dir.resolve("archive"), 0), 0, 900);
        Instant runStarted = Instant.now().minus(Duration.ofHours(1));
        ReportRetention.Pruned pruned = retention.prune(new ReportRetention.InUse(Set.of(), runStarted), "test");

        assertThat(pruned.files()).containsOnlyKeys(oldest, older);
        assertThat(newer).exists();
        assertThat(writing).as("written since a running run started").exists();
    }

    @Test
    void anArchiveInsideTheReportsDirectoryIsLeftToItsOwnRetention() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path archived = file(reports.resolve("archive/2099/01/01/1-table-diff-public.t/a.json"), 10, Duration.ofDays(400));
        ReportRetention retention = new ReportRetention(reports, new ReportArchive(reports.resolve("archive"), 0), 30, 0);
        assertThat(retention.prune(new ReportRetention.InUse(Set.of(), null), "test").files()).isEmpty();
        assertThat(archived).exists();
    }

    private static Path file(Path path, int bytes, Duration age) throws IOException {
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[bytes]);
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(age)));
        return path;
    }
}
