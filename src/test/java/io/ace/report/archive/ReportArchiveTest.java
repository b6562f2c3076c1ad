package io.ace.report.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ace.exit.AceException;
import io.ace.batch.RunArchiver;
import io.ace.difffile.Sha256;
import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every run's reports land in the archive with a manifest that proves them; verify, prune,
 * re-archiving, failures and the read API. The runs are made once for the class; a test that
 * alters an archive works on a copy of it, so the tests hold in any order.
 */
@OnCluster(properties = "ace.archive.retention-days=30")
class ReportArchiveTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{2}:\\d{2}";

    static LocalCluster cluster;
    static Ace ace;
    static Path archiveRoot;
    static ReportArchive archive;
    /** The runs made for the class (diff with HTML, rerun, dry run, repair with report) and what they wrote. */
    static Ace.Result diff;
    static Ace.Result rerun;
    static Ace.Result dryRun;
    static Ace.Result repair;
    static Path diffFile;
    static Path html;
    /** Each original report's sha256 as the run wrote it. */
    static final Map<Path, String> WRITTEN = new HashMap<>();

    @BeforeAll
    static void runEveryOperation(LocalCluster localCluster, Ace classAce) throws IOException {
        cluster = localCluster;
        ace = classAce;
        archive = ace.context().getBean(ReportArchive.class);
        archiveRoot = archive.root();
        cluster.sql("DROP TABLE IF EXISTS public.arch_t; CREATE TABLE public.arch_t (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.arch_t SELECT g, 'v' || g FROM generate_series(1, 100) g", "n1", "n2");
        cluster.sql("UPDATE public.arch_t SET v = 'changed' WHERE id IN (3, 4); DELETE FROM public.arch_t WHERE id = 5", "n2");
        diff = ace.run("table-diff", "local", "public.arch_t", "--nodes", "n1,n2", "--output", "html");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        diffFile = diff.diffFile();
        html = Path.of(diff.out().lines().filter(l -> l.startsWith("report: ")).findFirst().orElseThrow().substring(8));
        rerun = ace.run("table-rerun", "local", "public.arch_t", "--diff-file", diffFile.toString(), "--output-dir", ace.outputDir().toString());
        dryRun = ace.run("table-repair", "local", "public.arch_t", "--diff-file", diffFile.toString(),
                "--source-of-truth", "n1", "--dry-run", "--output-dir", ace.outputDir().toString());
        repair = ace.run("table-repair", "local", "public.arch_t", "--diff-file", diffFile.toString(),
                "--source-of-truth", "n1", "--generate-report", "--output-dir", ace.outputDir().toString());
        for (Path written : List.of(diffFile, html, rerun.diffFile())) {
            WRITTEN.put(written, Sha256.of(written));
        }
    }

    @Test
    void everyOperationsReportsAreArchivedWithTheirSha256() throws Exception {
        long executionId = executionId(diff);
        Path diffEntry = entryOf(executionId);
        assertThat(archiveRoot.relativize(diffEntry).toString())
                .matches("\\d{4}/\\d{2}/\\d{2}/" + executionId + "-table-diff-public\\.arch_t");
        JsonNode manifest = manifest(diffEntry);
        assertThat(manifest.path("execution_id").asLong()).isEqualTo(executionId);
        assertThat(manifest.path("operation").asString()).isEqualTo("table-diff");
        assertThat(manifest.path("cluster").asString()).isEqualTo("local");
        assertThat(manifest.path("target").asString()).isEqualTo("public.arch_t");
        assertThat(manifest.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(manifest.path("exit_code").asInt()).isEqualTo(1);
        assertThat(manifest.path("summary").asString()).contains("differing rows");
        assertThat(manifest.path("tool_version").asString()).isNotEmpty();
        assertThat(manifest.path("run_key").asString()).startsWith("adhoc-");
        // one time format wherever a time is written: ISO-8601 with its offset, to the millisecond
        JsonNode diffSummary = MAPPER.readTree(Files.readString(diffFile)).path("summary");
        for (String time : List.of(manifest.path("start_time").asString(), manifest.path("archived_at").asString(),
                diffSummary.path("start_time").asString(), diffSummary.path("end_time").asString())) {
            assertThat(time).matches(ISO_MILLIS);
        }
        assertThat(Files.readString(html)).containsPattern("started " + ISO_MILLIS);
        assertThat(manifest.path("parameters").findValuesAsString("name")).contains("run_key", "table", "nodes", "output_dir");
        assertThat(manifest.path("parameters").toString()).doesNotContain(LocalCluster.PASSWORD);
        assertFileRecorded(diffEntry, manifest, diffFile);
        assertFileRecorded(diffEntry, manifest, html);

        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(1);
        Path rerunEntry = entryOf(executionId(rerun));
        assertThat(rerunEntry.getFileName().toString()).endsWith("-table-rerun-public.arch_t");
        assertFileRecorded(rerunEntry, manifest(rerunEntry), rerun.diffFile());

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(1);
        Path dryRunEntry = entryOf(executionId(dryRun));
        assertThat(names(manifest(dryRunEntry))).anyMatch(n -> n.matches("public_arch_t_dry-run-n2-\\d+\\.sql"));

        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(0);
        JsonNode repairManifest = manifest(entryOf(executionId(repair)));
        assertThat(repairManifest.path("exit_code").asInt()).isEqualTo(0);
        assertThat(names(repairManifest)).hasSize(2).allMatch(n -> n.matches("public_arch_t_repair-\\d+(-\\d+)?\\.(json|html)"));

        // the read API the UI uses
        List<ArchiveEntry> newest = archive.entries(0, 10);
        assertThat(newest).extracting(ArchiveEntry::operation).containsExactly("table-repair", "table-repair", "table-rerun", "table-diff");
        assertThat(archive.entries(3, 10)).extracting(ArchiveEntry::executionId).containsExactly(executionId);
        ArchiveEntry entry = archive.entry(executionId).orElseThrow();
        assertThat(entry.exitCode()).isEqualTo(1);
        assertThat(archive.file(entry.path(), diffFile.getFileName().toString())).isEqualTo(diffEntry.resolve(diffFile.getFileName()));
        assertThatThrownBy(() -> archive.file(entry.path(), "../../../../../etc/passwd")).isInstanceOf(AceException.class);
        assertThatThrownBy(() -> archive.file("../" + entry.path(), "manifest.json")).isInstanceOf(AceException.class);
        assertThatThrownBy(() -> archive.file("/etc", "passwd")).isInstanceOf(AceException.class);
        assertThat(archive.entry(999_999)).isEmpty();
    }

    @Test
    void verifyNamesEveryAlteredMissingAndStrayFile(@TempDir Path work) throws Exception {
        // the archive holds copies: editing an original changes nothing
        Path editable = Files.copy(diffFile, work.resolve("original.json"));
        Files.writeString(editable, "edited after the run");
        Path copy = copyOfArchive(work.resolve("archive"));
        Ace.Result clean = ace.run("reports", "verify", "--archive", copy.toString());
        assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(0);
        assertThat(clean.out()).contains("4 entries, 8 files verified, 0 problems");

        Path diffEntry = copy.resolve(archiveRoot.relativize(entryOf(executionId(diff))));
        Path rerunEntry = copy.resolve(archiveRoot.relativize(entryOf(executionId(rerun))));
        Path repairEntry = copy.resolve(archiveRoot.relativize(entryOf(executionId(repair))));
        Path json = diffEntry.resolve(diffFile.getFileName());
        String expected = Sha256.of(json);
        Files.writeString(json, "{}", StandardOpenOption.APPEND);
        Path archivedHtml = diffEntry.resolve(html.getFileName());
        Files.delete(archivedHtml);
        Files.writeString(repairEntry.resolve("stray.txt"), "not archived by ACE");
        Files.writeString(rerunEntry.resolve("manifest.json"), "{ not json");

        Ace.Result tampered = ace.run("reports", "verify", "--archive", copy.toString());
        assertThat(tampered.exitCode()).as(tampered.toString()).isEqualTo(1);
        String rel = copy.relativize(diffEntry) + "/";
        assertThat(tampered.out())
                .contains(rel + json.getFileName() + ": modified (sha256 expected " + expected + ", actual " + Sha256.of(json) + ")")
                .contains(rel + archivedHtml.getFileName() + ": missing")
                .contains(copy.relativize(repairEntry) + "/stray.txt: not in the manifest")
                .contains(copy.relativize(rerunEntry) + "/manifest.json: unreadable or invalid manifest")
                .contains("4 entries, 6 files verified, 4 problems");

        Ace.Result missing = ace.run("reports", "verify", "--archive", work.resolve("no-such-archive").toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(78);
    }

    @Test
    void pruneDeletesDaysOlderThanTheRetention() throws Exception {
        Path old = Files.createDirectories(archiveRoot.resolve("2001/01/01/1-table-diff-public.arch_t"));
        Files.copy(entryOf(executionId(repair)).resolve("manifest.json"), old.resolve("manifest.json"));
        List<Path> before = entryDirs();

        Ace.Result prune = ace.run("reports", "prune");
        assertThat(prune.exitCode()).as(prune.toString()).isEqualTo(0);
        assertThat(prune.out()).contains("1 archive day directories deleted from " + archiveRoot + " (retention 30 days)");
        assertThat(archiveRoot.resolve("2001")).doesNotExist();
        assertThat(entryDirs()).containsExactlyInAnyOrderElementsOf(before.stream().filter(p -> !p.startsWith(archiveRoot.resolve("2001"))).toList());
        assertThat(ace.run("reports", "list").out()).contains("table-diff").contains("table-repair");
    }

    @Test
    void aRunFailingItsChecksArchivesNothing() {
        List<Path> before = entryDirs();
        Ace.Result r = ace.run("table-diff", "local", "public.no_such_table", "--nodes", "n1,n2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(78);
        assertThat(entryDirs()).isEqualTo(before);
    }

    @Test
    void archivingTheSameExecutionAgainKeepsItsFiles(@TempDir Path dir) throws Exception {
        ReportArchive fresh = new ReportArchive(dir.resolve("archive"), 0);
        ArchivedRun run = run(7, "k", "FAILED", 2, "failed");
        Path first = Files.writeString(dir.resolve("a.json"), "first");
        Path second = Files.writeString(Files.createDirectories(dir.resolve("later")).resolve("a.json"), "second, same name");
        Path entry = fresh.archive(run, List.of(first), file -> null);
        assertThat(fresh.archive(run, List.of(first, second), file -> null)).isEqualTo(entry);
        assertThat(fresh.entry(7).orElseThrow().files()).extracting(ArchivedFile::name).containsExactly("a.json", "a-2.json");
        assertThat(Files.readString(entry.resolve("a.json"))).isEqualTo("first");
        assertThat(Files.readString(entry.resolve("a-2.json"))).isEqualTo("second, same name");
        assertThat(fresh.verify().problems()).isEmpty();
    }

    @Test
    void aDigestTheRunRecordedIsKeptSoAFileChangedSinceShowsAsModified(@TempDir Path dir) throws Exception {
        ReportArchive fresh = new ReportArchive(dir.resolve("archive"), 0);
        ArchivedRun run = run(8, "k", "COMPLETED", 1, "differences");
        Path diff = Files.writeString(dir.resolve("d.json"), "as the run wrote it");
        String written = Sha256.of(diff);
        Path html = Files.writeString(dir.resolve("d.html"), "<p>report</p>");
        fresh.archive(run, List.of(diff, html), file -> file.equals(diff) ? written : null);
        assertThat(fresh.entry(8).orElseThrow().files()).extracting(ArchivedFile::name, ArchivedFile::sha256)
                .containsExactly(tuple("d.json", written), tuple("d.html", Sha256.of(html)));
        assertThat(fresh.verify().problems()).isEmpty();

        // another run's file, changed between that run's end and its archiving: archived as found, recorded as written
        ArchivedRun later = run(9, "k2", "COMPLETED", 1, "differences");
        Files.writeString(diff, "changed since");
        Path entry = fresh.archive(later, List.of(diff), file -> written);
        assertThat(Files.readString(entry.resolve("d.json"))).isEqualTo("changed since");
        assertThat(fresh.verify().problems()).singleElement().asString().contains("d.json", "modified");
    }

    /** A table-diff execution of public.arch_t to archive by hand (its instance is the execution's). */
    private static ArchivedRun run(long execution, String runKey, String status, int exitCode, String summary) {
        return new ArchivedRun(execution, execution, "table-diff", "local", "public.arch_t", runKey, List.of(), "dev", status, exitCode,
                summary, OffsetDateTime.now(), OffsetDateTime.now());
    }

    @Test
    void aFailedArchiveIsLoggedAndTheRunKeepsItsExitCode(@TempDir Path home) throws Exception {
        Path notADirectory = Files.writeString(home.resolve("archive-is-a-file"), "");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(RunArchiver.class);
        logger.addAppender(log);
        cluster.sql("UPDATE public.arch_t SET v = 'again' WHERE id = 9", "n2");
        try (Ace other = new Ace(cluster.serviceFile(), home, "ace.archive.root=" + notADirectory)) {
            Ace.Result diff = other.run("table-diff", "local", "public.arch_t", "--nodes", "n1,n2");
            assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
            long executionId = executionId(diff);
            assertThat(log.list).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).contains("job execution " + executionId).contains(notADirectory.toString());
            });
        } finally {
            logger.detachAppender(log);
        }
    }

    /** The execution that wrote a run's first JSON report, from the report's summary. */
    private static long executionId(Ace.Result result) throws IOException {
        String line = result.out().lines().filter(l -> l.endsWith(".json")).findFirst().orElseThrow(() -> new AssertionError(result));
        Path json = Path.of(line.substring(line.indexOf(": ") + 2));
        return MAPPER.readTree(Files.readString(json)).path("summary").path("job_execution_id").asLong();
    }

    /** A copy of the class's archive, for a test that alters it. */
    private static Path copyOfArchive(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(archiveRoot)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(archiveRoot.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private static Path entryOf(long executionId) {
        List<Path> matches = entryDirs().stream().filter(e -> e.getFileName().toString().startsWith(executionId + "-")).toList();
        assertThat(matches).as("entry of execution " + executionId).hasSize(1);
        return matches.get(0);
    }

    private static List<Path> entryDirs() {
        if (!Files.isDirectory(archiveRoot)) {
            return List.of();
        }
        try (Stream<Path> s = Files.find(archiveRoot, 4, (p, a) -> a.isDirectory() && archiveRoot.relativize(p).getNameCount() == 4
                && !archiveRoot.relativize(p).startsWith(".staging"))) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode manifest(Path entry) throws IOException {
        return MAPPER.readTree(Files.readString(entry.resolve("manifest.json")));
    }

    private static List<String> names(JsonNode manifest) {
        List<String> names = new ArrayList<>();
        manifest.path("files").forEach(f -> names.add(f.path("name").asString()));
        return names;
    }

    private static void assertFileRecorded(Path entry, JsonNode manifest, Path original) throws IOException {
        String name = original.getFileName().toString();
        Path copy = entry.resolve(name);
        assertThat(copy).exists();
        assertThat(Files.isSymbolicLink(copy)).isFalse();
        JsonNode recorded = null;
        for (JsonNode f : manifest.path("files")) {
            if (f.path("name").asString().equals(name)) {
                recorded = f;
            }
        }
        assertThat(recorded).as(name + " in the manifest").isNotNull();
        assertThat(recorded.path("sha256").asString()).isEqualTo(WRITTEN.getOrDefault(original, Sha256.of(original))).isEqualTo(Sha256.of(copy));
        assertThat(recorded.path("bytes").asLong()).isEqualTo(Files.size(original));
    }
}
