package io.ace.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files ACE writes (reports, diff files, archive copies) are readable by their user alone from
 * the moment they exist, whatever the process's umask and the directory they land in: they hold
 * row data. Created with owner-only permissions, never loosened afterwards.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] OWNER_ONLY = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];

    private PrivateFiles() {
    }

    /** A new file (replacing one of that name) open for writing, private to this user. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                OWNER_ONLY));
    }

    /** {@link #newOutputStream} as UTF-8 text. */
    public static BufferedWriter newBufferedWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(newOutputStream(file), StandardCharsets.UTF_8));
    }

    /** Writes {@code text} as a new private file. */
    public static void writeString(Path file, String text) throws IOException {
        try (BufferedWriter out = newBufferedWriter(file)) {
            out.write(text);
        }
    }

    /** Copies {@code source} to a new private file. */
    public static void copy(Path source, Path target) throws IOException {
        try (OutputStream out = newOutputStream(target)) {
            Files.copy(source, out);
        }
    }
}
