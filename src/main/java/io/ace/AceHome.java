package io.ace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * ACE's own directory ({@code ace.home}: the embedded job repository, the report archive, the
 * reports and initial admin password of {@code serve}) is private to its user: created 0700, or
 * made so, with the files directly in it 0600, before anything opens them. What is created in
 * it later is covered by the directory, and by the umask {@code scripts/ace} sets.
 */
public final class AceHome implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AceHome.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String home = event.getEnvironment().getProperty("ace.home");
        if (home != null && !home.isBlank()) {
            makePrivate(Path.of(home));
        }
    }

    static void makePrivate(Path home) {
        try {
            if (!Files.isDirectory(home)) {
                Files.createDirectories(home, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            Files.setPosixFilePermissions(home, DIRECTORY);
            try (Stream<Path> files = Files.list(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.setPosixFilePermissions(f, FILE);
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // another user's directory, or a file system without POSIX permissions: use it as it is
            LOG.warn("could not make {} private to its user: {}", home, e.toString());
        }
    }
}
