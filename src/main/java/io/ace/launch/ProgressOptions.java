package io.ace.launch;

import picocli.CommandLine.Option;

/** How a launch talks to the terminal: {@code --quiet} (no progress bar), {@code --debug} (what it does, and stack traces). */
public class ProgressOptions {

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = {"-v", "--debug"}, description = "Log what the run does, and the stack trace of a failure.")
    boolean debug;
}
