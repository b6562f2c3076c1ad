package io.ace.report;

import io.ace.exit.AceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Names report files {@code <schema>_<table>_<kind>-<YYYYMMDDHHMMSS>} as pgEdge ACE does. Two
 * runs finishing in the same second must not overwrite each other's reports, so a name already
 * taken (with any of the run's extensions, or by another run of this process that has not written
 * it yet) gets {@code -2}, {@code -3}, ... A name is built only from {@link #safe} parts, so a table
 * called {@code x/../../escape} still gets its reports inside the output directory.
 */
public final class ReportName {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    /** Names handed out this second and maybe not written yet; earlier seconds' names cannot come again. */
    private static final Set<Path> RESERVED = new HashSet<>();
    private static String reservedStamp = "";

    private ReportName() {
    }

    /** {@code part} as one file name component: anything but letters, digits, {@code .}, {@code _} and {@code -} becomes {@code _}. */
    public static String safe(String part) {
        String safe = UNSAFE.matcher(part).replaceAll("_");
        return safe.equals(".") || safe.equals("..") ? safe.replace('.', '_') : safe;
    }

    /** The base path (no extension) for a run's reports, free for every extension given; the directory is created. */
    public static Path of(Path dir, String schema, String table, String kind, List<String> extensions) throws IOException {
        return named(dir, safe(schema) + "_" + safe(table), kind, extensions);
    }

    /**
     * The base path for the reports of a run on something other than one table ({@code <name>_<kind>-<YYYYMMDDHHMMSS>}: a
     * replication set, a schema, a cluster).
     */
    public static Path forName(Path dir, String name, String kind, List<String> extensions) throws IOException {
        return named(dir, safe(name), kind, extensions);
    }

    private static Path named(Path dir, String name, String kind, List<String> extensions) throws IOException {
        Path directory = writableDirectory(dir).toAbsolutePath();
        String stamp = STAMP.format(LocalDateTime.now());
        String base = name + "_" + safe(kind) + "-" + stamp;
        synchronized (RESERVED) {
            if (!stamp.equals(reservedStamp)) {
                RESERVED.clear();
                reservedStamp = stamp;
            }
            for (int n = 1; ; n++) {
                Path candidate = directory.resolve(n == 1 ? base : base + "-" + n);
                if (!candidate.getParent().equals(directory)) {
                    throw new IllegalStateException("report name " + candidate + " is outside " + directory);
                }
                if (!RESERVED.contains(candidate) && extensions.stream().noneMatch(ext -> Files.exists(withExtension(candidate, ext)))) {
                    RESERVED.add(candidate);
                    return candidate;
                }
            }
        }
    }

    public static Path withExtension(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }

    /**
     * The output directory, created private to its user (0700) when missing, once a file could be
     * created in it; otherwise a configuration error (exit 78) naming it, before a run does any work.
     */
    public static Path writableDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            // the permission bits do not tell (root, ACLs, read-only mounts): a file does
            Path probe = Files.createFile(dir.resolve(".ace-write-check-" + UUID.randomUUID()));
            Files.delete(probe);
            return dir;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw AceException.config("output directory " + dir.toAbsolutePath() + " is not writable (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); choose another --output-dir or fix its permissions");
        }
    }
}
