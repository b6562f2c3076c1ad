package io.ace.launch;

import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import io.ace.operation.DiffFiles;
import io.ace.operation.RunBasics;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** {@code --output-dir} and {@code --run-key}, which every operation takes. */
public class RunOptions {

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where reports are written (default: current directory).")
    Path outputDir = Path.of(".");

    @Option(names = "--run-key", paramLabel = "KEY",
            description = "Makes the launch idempotent: the same command and key resumes a failed run or answers 4 if it completed."
                    + " Letters, digits and _ . : + - (at most 200, starting with a letter or digit).")
    String runKey;

    /** The given run key (or a new one: without --run-key every launch is a new run) and output directory. */
    RunBasics basics(DiffFiles diffFiles, UnaryOperator<String> clusters, Path repairPlans) {
        if (runKey != null && !RunBasics.RUN_KEY.matcher(runKey).matches()) {
            throw AceException.usage("--run-key " + UserInput.quoted(runKey) + " must be letters, digits and _ . : + -"
                    + " (at most 200, starting with a letter or digit)");
        }
        return new RunBasics(runKey == null ? RunBasics.newRunKey() : runKey, outputDir, diffFiles, clusters, repairPlans);
    }
}
