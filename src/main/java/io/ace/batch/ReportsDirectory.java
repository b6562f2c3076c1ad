package io.ace.batch;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.exit.UserInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where paths read back from the job repository may point: the reports directory
 * ({@code ace.serve.output-dir}) and the archive. Whoever can write to the repository can write
 * any path into a run's context or parameters, so a recorded report is served, a recorded diff
 * file read and a recorded output directory written to only when it lies inside one of them,
 * once normalised and with its symbolic links resolved.
 */
public final class ReportsDirectory {

    private final List<Path> roots;
    private final boolean recordedPathsChecked;

    /**
     * @param recordedPathsChecked whether {@link #require} refuses recorded paths outside the directories: in serve,
     *                             whose callers are not the operator; a command-line process trusts the repository
     *                             of its user as it trusts the user's files, and its runs write where the operator said
     */
    public ReportsDirectory(Path reports, Path archive, boolean recordedPathsChecked) {
        this.roots = List.of(reports.toAbsolutePath().normalize(), archive.toAbsolutePath().normalize());
        this.recordedPathsChecked = recordedPathsChecked;
    }

    /** The directories, as messages name them. */
    public String shown() {
        return roots.stream().map(Path::toString).collect(Collectors.joining(" and "));
    }

    /** Whether {@code path} lies inside one of the directories (or is one). */
    public boolean contains(Path path) {
        return roots.stream().anyMatch(root -> inside(root, path));
    }

    /**
     * {@code path} when it lies inside one of the directories; otherwise an error (exit 78) saying
     * that {@code what} (e.g. "the output directory job execution 12 records") is not used, and
     * what to do {@code instead}. The path itself is only in the detail (server log, administrators).
     */
    public Path require(Path path, String what, String instead) {
        if (recordedPathsChecked && !contains(path)) {
            throw new AceException(ExitCode.CONFIG, what + " lies outside the reports directories (" + shown() + "), so it is not used;"
                    + " " + instead, UserInput.escaped(path.toString()), null);
        }
        return path;
    }

    /** Whether {@code path}, its links resolved, lies inside {@code root} (its links resolved too). */
    static boolean inside(Path root, Path path) {
        Path real = real(path);
        return real != null && real.startsWith(Objects.requireNonNullElse(real(root), root.toAbsolutePath().normalize()));
    }

    /**
     * The path with every link resolved, as far as it exists, and the rest (not yet created)
     * appended as it is; null when a link in it cannot be resolved (it points nowhere).
     */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return null;
        }
    }
}
