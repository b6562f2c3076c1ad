package io.ace.report.archive;

import io.ace.files.PrivateFiles;
import io.ace.exit.AceException;
import io.ace.difffile.Sha256;
import io.ace.json.AceJson;
import io.ace.report.ReportName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

/**
 * The audit archive: a copy of every report a run wrote, kept under
 * {@code <root>/YYYY/MM/DD/<execution-id>-<operation>-<target>/} with a {@code manifest.json}
 * recording the run and each file's sha256, so an auditor can prove later that nothing was altered.
 * An entry appears whole or not at all: it is assembled in a staging directory under the root and
 * moved into place.
 */
public final class ReportArchive {

    static final String MANIFEST = "manifest.json";
    /** Staging directories, on the archive's file system so that publishing an entry is a rename. */
    private static final String STAGING = ".staging";
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_OR_DAY = Pattern.compile("\\d{2}");

    private final Path root;
    private final int retentionDays;

    /**
     * @param root          the archive's directory (created on the first archived run)
     * @param retentionDays day directories older than this many days are deleted after each archived run; 0 keeps them forever
     */
    public ReportArchive(Path root, int retentionDays) {
        if (retentionDays < 0) {
            throw AceException.config("ace.archive.retention-days must be 0 (keep forever) or more, not " + retentionDays);
        }
        this.root = root.toAbsolutePath().normalize();
        this.retentionDays = retentionDays;
    }

    public Path root() {
        return root;
    }

    public int retentionDays() {
        return retentionDays;
    }

    /** The same retention on another root, e.g. a copy of the archive handed to an auditor. */
    public ReportArchive at(Path otherRoot) {
        return new ReportArchive(otherRoot, retentionDays);
    }

    /** Where a run's entry goes: the day it started (local zone), then execution id, operation and target. */
    public Path entryDirectory(ArchivedRun run) {
        LocalDate day = run.startTime().atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
        return root.resolve(String.format("%04d", day.getYear()))
                .resolve(String.format("%02d", day.getMonthValue()))
                .resolve(String.format("%02d", day.getDayOfMonth()))
                .resolve(run.executionId() + "-" + ReportName.safe(run.operation()) + "-" + ReportName.safe(run.target()));
    }

    /**
     * Copies a run's report files into its entry with a manifest, then applies the retention. An
     * entry the run already has keeps its files; the new ones join them.
     *
     * @param recorded for a file, the sha256 the run recorded as it finished writing it, or null. The
     *                 manifest keeps a recorded one, so that a file changed after the run wrote it
     *                 shows as modified when the archive is verified (rather than being recorded as
     *                 found), and a large diff file is not hashed a second time (1.0 s for 69 MB on
     *                 the C1 compiler); a file without one is hashed as copied
     * @return the entry's directory
     */
    public Path archive(ArchivedRun run, List<Path> files, Function<Path, String> recorded) throws IOException {
        Path entry = entryDirectory(run);
        Path staging = Files.createTempDirectory(Files.createDirectories(root.resolve(STAGING)), run.executionId() + "-");
        try {
            Map<String, ArchivedFile> archived = new LinkedHashMap<>();
            if (Files.isDirectory(entry)) {
                for (ArchivedFile kept : readManifest(entry).files()) {
                    PrivateFiles.copy(entry.resolve(kept.name()), staging.resolve(kept.name()));
                    archived.put(kept.name(), kept);
                }
            }
            for (Path file : files) {
                copyInto(staging, file, recorded.apply(file), archived);
            }
            Manifest manifest = new Manifest(run, OffsetDateTime.now(), List.copyOf(archived.values()));
            PrivateFiles.writeString(staging.resolve(MANIFEST), AceJson.DOCUMENTS.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
            publish(staging, entry);
        } finally {
            deleteTree(staging);
        }
        prune();
        return entry;
    }

    /** Copies (never links: later edits of the original must not reach the archive) and records one file. */
    private static void copyInto(Path staging, Path file, String recorded, Map<String, ArchivedFile> archived) throws IOException {
        Path copy = staging.resolve(".copy");
        PrivateFiles.copy(file, copy);
        String sha256 = recorded != null ? recorded : Sha256.of(copy);
        String original = file.getFileName().toString();
        String name = original;
        for (int n = 2; archived.containsKey(name) || name.equals(MANIFEST); n++) {
            if (sha256.equals(archived.get(name) == null ? null : archived.get(name).sha256())) {
                Files.delete(copy);
                return; // archived before, unchanged
            }
            name = numbered(original, n);
        }
        Files.move(copy, staging.resolve(name));
        archived.put(name, new ArchivedFile(name, Files.size(staging.resolve(name)), sha256));
    }

    /** {@code a.json} → {@code a-2.json}, as report names avoid collisions. */
    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot);
    }

    /** Moves a finished entry into place; an entry it replaces is moved aside first, then deleted. */
    private static void publish(Path staging, Path entry) throws IOException {
        Files.createDirectories(entry.getParent());
        if (Files.exists(entry)) {
            Path previous = staging.resolveSibling(staging.getFileName() + ".previous");
            Files.move(entry, previous, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(previous);
        } else {
            Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Deletes the day directories older than the retention (then month and year directories left
     * empty); nothing when the retention is 0.
     *
     * @return the day directories deleted
     */
    public List<Path> prune() throws IOException {
        if (retentionDays == 0 || !Files.isDirectory(root)) {
            return List.of();
        }
        LocalDate oldestKept = LocalDate.now().minusDays(retentionDays);
        List<Path> deleted = new ArrayList<>();
        for (Day day : days()) {
            if (day.date().isBefore(oldestKept)) {
                deleteTree(day.dir());
                deleted.add(day.dir());
                deleteIfEmpty(day.dir().getParent());
                deleteIfEmpty(day.dir().getParent().getParent());
            }
        }
        return deleted;
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            if (children.findAny().isEmpty()) {
                Files.delete(dir);
            }
        }
    }

    /** Entries, newest first (by start time, then execution id); entries whose manifest cannot be read are left out. */
    public List<ArchiveEntry> entries(int offset, int limit) {
        List<ArchiveEntry> page = new ArrayList<>();
        int skip = Math.max(offset, 0);
        for (Day day : days()) {
            if (page.size() >= limit) {
                break;
            }
            for (ArchiveEntry entry : readableEntries(day)) {
                if (skip > 0) {
                    skip--;
                } else if (page.size() < limit) {
                    page.add(entry);
                }
            }
        }
        return page;
    }

    /** The entry of one job execution. */
    public Optional<ArchiveEntry> entry(long executionId) {
        String prefix = executionId + "-";
        for (Day day : days()) {
            for (Path dir : children(day.dir())) {
                if (dir.getFileName().toString().startsWith(prefix)) {
                    Optional<ArchiveEntry> entry = readable(dir).filter(e -> e.executionId() == executionId);
                    if (entry.isPresent()) {
                        return entry;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A file of an entry, resolved safely: anything that would leave the entry or the archive
     * ({@code ..}, absolute paths, links pointing out) is refused.
     *
     * @param relativeEntryPath an entry's {@link ArchiveEntry#path()}
     * @param fileName          one of its files' names
     * @throws AceException (usage) for a path outside the archive or a file that does not exist
     */
    public Path file(String relativeEntryPath, String fileName) {
        Path entry = entryPath(relativeEntryPath);
        if (fileName.isEmpty() || fileName.equals(".") || fileName.equals("..") || fileName.contains("/") || fileName.contains("\\")) {
            throw AceException.usage("'" + fileName + "' is not a file name");
        }
        Path file = entry.resolve(fileName);
        boolean inArchive;
        try {
            inArchive = Files.isRegularFile(file) && file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            inArchive = false;
        }
        if (!inArchive) {
            throw AceException.usage("no file '" + fileName + "' in archive entry " + relativeEntryPath);
        }
        return file;
    }

    private Path entryPath(String relative) {
        Path path;
        try {
            path = Path.of(relative);
        } catch (InvalidPathException e) {
            throw AceException.usage("'" + relative + "' is not an archive entry path");
        }
        boolean climbs = false;
        for (Path part : path) {
            climbs |= part.toString().equals("..") || part.toString().contains("\\");
        }
        Path resolved = root.resolve(path).normalize();
        if (path.isAbsolute() || climbs || !resolved.startsWith(root) || path.getNameCount() != 4) {
            throw AceException.usage("'" + relative + "' is not an archive entry path (YYYY/MM/DD/<execution-id>-<operation>-<target>)");
        }
        return resolved;
    }

    /** What {@link #verify()} found. */
    public record Verification(int entries, int filesVerified, List<String> problems) {
    }

    /**
     * Recomputes every entry's sha256 sums against its manifest. Problems: a modified or missing
     * file, a file not in the manifest, an unreadable or invalid manifest.
     *
     * @throws AceException (config) when the archive root does not exist
     */
    public Verification verify() {
        if (!Files.isDirectory(root)) {
            throw AceException.config("no report archive at " + root);
        }
        int entries = 0;
        int verified = 0;
        List<String> problems = new ArrayList<>();
        for (Day day : days()) {
            for (Path dir : children(day.dir())) {
                String name = relative(dir);
                if (!Files.isDirectory(dir)) {
                    problems.add(name + ": not an archive entry");
                    continue;
                }
                entries++;
                Manifest manifest;
                try {
                    manifest = readManifest(dir);
                } catch (IOException | JacksonException e) {
                    problems.add(name + "/" + MANIFEST + ": unreadable or invalid manifest (" + e.getMessage().lines().findFirst().orElse("") + ")");
                    continue;
                }
                Set<String> listed = new HashSet<>(Set.of(MANIFEST));
                for (ArchivedFile file : manifest.files()) {
                    listed.add(file.name());
                    Path path = dir.resolve(file.name()).normalize();
                    if (!path.getParent().equals(dir) || !Files.isRegularFile(path)) {
                        problems.add(name + "/" + file.name() + ": missing");
                        continue;
                    }
                    String actual = sha256(path);
                    verified++;
                    if (!actual.equals(file.sha256())) {
                        problems.add(name + "/" + file.name() + ": modified (sha256 expected " + file.sha256() + ", actual " + actual + ")");
                    }
                }
                for (Path present : children(dir)) {
                    if (!listed.contains(present.getFileName().toString())) {
                        problems.add(name + "/" + present.getFileName() + ": not in the manifest");
                    }
                }
            }
        }
        return new Verification(entries, verified, problems);
    }

    private static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A day directory of the archive. */
    private record Day(LocalDate date, Path dir) {
    }

    /** Every day directory, newest first. */
    private List<Day> days() {
        List<Day> days = new ArrayList<>();
        for (Path year : children(root)) {
            for (Path month : numbered(year, YEAR) ? children(year) : List.<Path>of()) {
                for (Path day : numbered(month, MONTH_OR_DAY) ? children(month) : List.<Path>of()) {
                    if (numbered(day, MONTH_OR_DAY)) {
                        try {
                            days.add(new Day(LocalDate.of(Integer.parseInt(year.getFileName().toString()),
                                    Integer.parseInt(month.getFileName().toString()), Integer.parseInt(day.getFileName().toString())), day));
                        } catch (DateTimeException e) {
                            // not a calendar day (e.g. 02/30): not the archive's
                        }
                    }
                }
            }
        }
        days.sort(Comparator.comparing(Day::date).reversed());
        return days;
    }

    private static boolean numbered(Path dir, Pattern name) {
        return Files.isDirectory(dir) && name.matcher(dir.getFileName().toString()).matches();
    }

    /** A day's entries that can be read, newest first. */
    private List<ArchiveEntry> readableEntries(Day day) {
        return children(day.dir()).stream().map(this::readable).flatMap(Optional::stream)
                .sorted(Comparator.comparing((ArchiveEntry e) -> e.startTime().toInstant())
                        .thenComparingLong(ArchiveEntry::executionId).reversed())
                .toList();
    }

    private Optional<ArchiveEntry> readable(Path dir) {
        try {
            return Optional.of(ArchiveEntry.of(relative(dir), readManifest(dir)));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    private String relative(Path dir) {
        return root.relativize(dir).toString().replace('\\', '/');
    }

    private static Manifest readManifest(Path entry) throws IOException {
        Manifest manifest = AceJson.DOCUMENTS.readValue(Files.readString(entry.resolve(MANIFEST)), Manifest.class);
        if (manifest.run() == null || manifest.run().startTime() == null || manifest.files() == null
                || manifest.files().stream().anyMatch(f -> f == null || f.name() == null || f.sha256() == null)) {
            throw new IOException("fields missing");
        }
        return manifest;
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
