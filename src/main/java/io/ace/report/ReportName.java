package io.ace.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Names report files {@code <schema>_<table>_<kind>-<YYYYMMDDHHMMSS>} as pgEdge ACE does. Two
 * runs finishing in the same second must not overwrite each other's reports, so a name already
 * taken (with any of the run's extensions) gets {@code -2}, {@code -3}, ...
 */
public final class ReportName {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private ReportName() {
    }

    /** The base path (no extension) for a run's reports, free for every extension given; the directory is created. */
    public static Path of(Path dir, String schema, String table, String kind, List<String> extensions) throws IOException {
        return named(dir, schema + "_" + table, kind, extensions);
    }

    /**
     * The base path for the reports of a run on something other than one table ({@code <name>_<kind>-<YYYYMMDDHHMMSS>}: a
     * replication set, a schema, a cluster); characters other than letters, digits, {@code .}, {@code _} and {@code -} in
     * the name become {@code _}.
     */
    public static Path forName(Path dir, String name, String kind, List<String> extensions) throws IOException {
        return named(dir, name.replaceAll("[^A-Za-z0-9._-]", "_"), kind, extensions);
    }

    private static Path named(Path dir, String name, String kind, List<String> extensions) throws IOException {
        Files.createDirectories(dir);
        String base = name + "_" + kind + "-" + STAMP.format(LocalDateTime.now());
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (extensions.stream().noneMatch(ext -> Files.exists(dir.resolve(candidate + ext)))) {
                return dir.resolve(candidate).toAbsolutePath();
            }
        }
    }

    public static Path withExtension(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }
}
