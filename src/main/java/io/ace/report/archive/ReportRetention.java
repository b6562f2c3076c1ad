package io.ace.report.archive;

import io.ace.exit.AceException;
import io.ace.json.AceJson;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long reports are kept: files of the reports directory older than {@code retentionDays}
 * (then the oldest while the directory holds more than {@code maxTotalBytes}) and the archive's
 * day directories older than the archive's retention are deleted. Files that runs still going
 * recorded or may be writing are kept; symbolic links are neither followed nor deleted. Every
 * prune that deleted something is recorded, file by file, in the archive's {@code pruned.jsonl}.
 */
public final class ReportRetention {

    /** The ledger of prunes, one JSON object a line, in the archive's root. */
    public static final String LEDGER = "pruned.jsonl";

    /**
     * What runs still going may be using.
     *
     * @param files what they recorded
     * @param since when the earliest of them started (files written since may be theirs), or null when none runs
     */
    public record InUse(Set<Path> files, Instant since) {
    }

    /** What a prune deleted: report files with their sizes, and archive day directories. */
    public record Pruned(Map<Path, Long> files, List<Path> archiveDays) {

        public long bytes() {
            return files.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Candidate(Path path, long size, Instant modified) {
    }

    /**
     * One prune in the ledger: when, by whom, under which limits, and what it deleted.
     *
     * @param by          who pruned: the scheduled prune of serve, or the command line
     * @param archiveDays archive day directories deleted, relative to the archive's root
     */
    private record LedgerLine(Instant time, String by, String reportsDir, int retentionDays, long maxTotalBytes, List<DeletedFile> files,
                              List<String> archiveDays) {

        /** A report file deleted, and its size. */
        record DeletedFile(String path, long bytes) {
        }
    }

    private final Path reports;
    private final ReportArchive archive;
    private final int retentionDays;
    private final long maxTotalBytes;

    /**
     * @param retentionDays report files older than this many days are deleted; 0 keeps them whatever their age
     * @param maxTotalBytes the oldest report files are deleted while the directory holds more; 0 sets no limit
     */
    public ReportRetention(Path reports, ReportArchive archive, int retentionDays, long maxTotalBytes) {
        if (retentionDays < 0 || maxTotalBytes < 0) {
            throw AceException.config("ace.reports.retention-days and ace.reports.max-total-size must be 0 (no limit) or more");
        }
        this.reports = reports.toAbsolutePath().normalize();
        this.archive = archive;
        this.retentionDays = retentionDays;
        this.maxTotalBytes = maxTotalBytes;
    }

    public int retentionDays() {
        return retentionDays;
    }

    public long maxTotalBytes() {
        return maxTotalBytes;
    }

    public Path reports() {
        return reports;
    }

    /** Prunes the reports directory and the archive now; {@code by} says who asked, for the ledger. */
    public synchronized Pruned prune(InUse inUse, String by) throws IOException {
        Map<Path, Long> deleted = new LinkedHashMap<>();
        List<Candidate> files = files();
        long total = files.stream().mapToLong(Candidate::size).sum();
        Instant oldestKept = Instant.now().minus(Duration.ofDays(retentionDays));
        for (Candidate f : files) {
            boolean old = retentionDays > 0 && f.modified().isBefore(oldestKept);
            boolean over = maxTotalBytes > 0 && total > maxTotalBytes;
            boolean used = inUse.files().contains(f.path()) || inUse.since() != null && !f.modified().isBefore(inUse.since());
            if ((old || over) && !used && Files.deleteIfExists(f.path())) {
                deleted.put(f.path(), f.size());
                total -= f.size();
            }
        }
        Pruned pruned = new Pruned(deleted, archive.prune());
        if (!deleted.isEmpty() || !pruned.archiveDays().isEmpty()) {
            record(pruned, by);
        }
        return pruned;
    }

    /** The regular files under the reports directory, oldest first; links, and the archive if it lies inside, left out. */
    private List<Candidate> files() throws IOException {
        List<Candidate> files = new ArrayList<>();
        if (!Files.isDirectory(reports)) {
            return files;
        }
        Path archiveRoot = archive.root().toAbsolutePath().normalize();
        // walkFileTree follows no link unless told to: a link is visited as itself, never entered
        Files.walkFileTree(reports, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(archiveRoot) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(new Candidate(file, attrs.size(), attrs.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(Candidate::modified));
        return files;
    }

    private void record(Pruned pruned, String by) throws IOException {
        LedgerLine line = new LedgerLine(Instant.now(), by, reports.toString(), retentionDays, maxTotalBytes,
                pruned.files().entrySet().stream().map(e -> new LedgerLine.DeletedFile(e.getKey().toString(), e.getValue())).toList(),
                pruned.archiveDays().stream().map(d -> archive.root().relativize(d).toString()).toList());
        Files.createDirectories(archive.root());
        Files.writeString(archive.root().resolve(LEDGER), AceJson.DOCUMENTS.writeValueAsString(line) + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
