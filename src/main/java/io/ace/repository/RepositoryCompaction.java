package io.ace.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the embedded H2 file of the job repository is compacted: at the close of a process that found the file at
 * {@link #COMPACT_FROM} or larger when it started, not at every close. H2 compacts at each close by default, which
 * scans all live pages: 70 to 80 ms with 0.2 MB of run history, 130 to 210 ms with 1.7 MB, a tenth of a
 * small table-diff. Skipped, the file grows by the pages a run rewrote (0.2 to 1 MB for a small diff) until a close
 * compacts it back to its live data. A URL that sets {@code MAX_COMPACT_TIME} itself, the system property
 * {@code h2.maxCompactTime}, and every other database are left as they are.
 */
public final class RepositoryCompaction implements EnvironmentPostProcessor {

    static final long COMPACT_FROM = 16L << 20;
    static final String URL = "spring.datasource.url";
    private static final String SOURCE = "ace-repository-compaction";
    private static final String H2_FILE = "jdbc:h2:file:";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        if (url == null || System.getProperty("h2.maxCompactTime") != null) {
            return;
        }
        file(url).filter(file -> size(file) < COMPACT_FROM).ifPresent(file ->
                environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(URL, url + ";MAX_COMPACT_TIME=0"))));
    }

    /** The file an H2 file URL that leaves compaction at its default stores in. */
    static Optional<Path> file(String url) {
        if (!url.regionMatches(true, 0, H2_FILE, 0, H2_FILE.length()) || url.toUpperCase(Locale.ROOT).contains("MAX_COMPACT_TIME")) {
            return Optional.empty();
        }
        int end = url.indexOf(';');
        String name = url.substring(H2_FILE.length(), end < 0 ? url.length() : end);
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db"));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            // not made yet (or not readable, which H2 reports when it opens it)
            return 0;
        }
    }
}
