package io.ace.launch;

import picocli.CommandLine.Option;

/** {@code --quiet}: no progress bar on the terminal. */
public class ProgressOptions {

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;
}
