package io.ace.difffile;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sha256 that identifies a diff file in a run's parameters. */
public final class DiffFileDigest {

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
}
