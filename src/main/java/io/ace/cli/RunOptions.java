package io.ace.cli;

import io.ace.batch.TableDiffRequest;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --output-dir} and {@code --run-key}, which every table operation takes. */
public class RunOptions {

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where reports are written (default: current directory).")
    Path outputDir = Path.of(".");

    @Option(names = "--run-key", paramLabel = "KEY",
            description = "Makes the launch idempotent: the same command and key resumes a failed run or answers 4 if it completed.")
    String runKey;

    /** The given run key, or a new one: without --run-key every launch is a new run. */
    String runKey() {
        return runKey == null ? TableDiffRequest.newRunKey() : runKey;
    }

    Path outputDir() {
        return outputDir;
    }
}
