package io.ace.cli;

import io.ace.batch.DiffProgress;
import picocli.CommandLine.Option;

/** {@code --quiet}, and whether a progress bar goes to stderr. */
public class ProgressOptions {

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    ProgressDisplay display(String task, DiffProgress progress) {
        // the launcher tells whether stderr is a terminal; Java itself cannot
        boolean terminal = Boolean.getBoolean("ace.stderr.tty");
        return quiet || !terminal ? ProgressDisplay.none() : ProgressDisplay.bar(task, progress);
    }
}
