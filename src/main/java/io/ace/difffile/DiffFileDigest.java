package io.ace.difffile;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sha256 that identifies a diff file in a run's parameters, and the check that a file still has the one recorded. */
public final class DiffFileDigest {

    /** Hex digits of a digest a message shows: enough to tell two files apart by eye. */
    private static final int SHOWN = 12;

    private DiffFileDigest() {
    }

    public static String of(Path diffFile) {
        if (!Files.isRegularFile(diffFile)) {
            throw AceException.usage("diff file " + diffFile + " does not exist");
        }
        try {
            return Sha256.of(diffFile);
        } catch (IOException e) {
            throw new AceException(ExitCode.USAGE, "cannot read diff file " + diffFile, e.getMessage(), e);
        }
    }

    /**
     * Refuses (exit 64) a diff file whose sha256 is not the one recorded for it: the file changed
     * since, and its rows were compared by nobody.
     */
    public static void verify(Path diffFile, String recorded) {
        String actual = of(diffFile);
        if (!actual.equals(recorded)) {
            throw changed(diffFile, recorded, actual);
        }
    }

    static AceException changed(Path diffFile, String recorded, String actual) {
        return AceException.usage("diff file " + diffFile + " is not the file recorded for this run: its sha256 is " + shown(actual)
                + "..., the recorded one " + shown(recorded) + "...; it was changed since, so nothing was done with it."
                + " Compare the table again for a diff file to use");
    }

    private static String shown(String digest) {
        return digest == null ? "none" : digest.substring(0, Math.min(SHOWN, digest.length()));
    }
}
