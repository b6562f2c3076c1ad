package io.ace.cli;

import io.ace.batch.RunOutcome;

/** Prints how a run ended: the summary on stdout, problems on stderr, then the files it wrote. */
final class Outcomes {

    private Outcomes() {
    }

    static void print(RunOutcome outcome) {
        switch (outcome.exitCode()) {
            case IN_SYNC, DIFFERENCES, ALREADY_COMPLETED -> System.out.println(outcome.message());
            default -> System.err.println("ace: " + outcome.message());
        }
        // "./x.json" reads as a path inside a hidden directory to some; print it as the file it is
        outcome.reportFiles().forEach(file -> System.out.println(file.label() + ": " + file.path().normalize()));
    }
}
