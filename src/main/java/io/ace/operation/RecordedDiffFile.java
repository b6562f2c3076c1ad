package io.ace.operation;

import io.ace.difffile.DiffFileDigest;
import java.nio.file.Path;

/**
 * A diff file and the sha256 recorded for it: by the execution that wrote it, or for a file named
 * on the command line, its digest at this first launch. An operation reads the file only while it
 * still has that digest, on every launch of the run.
 */
public record RecordedDiffFile(Path file, String sha256) {

    /** A file named by its path: what it holds now is what the run records. */
    public static RecordedDiffFile asItIsNow(Path file) {
        return new RecordedDiffFile(file, DiffFileDigest.of(file));
    }
}
