package io.ace.cli;

import io.ace.batch.RunOutcome;

/** Prints how a run ended: the summary on stdout, problems on stderr. */
final class Outcomes {

    private Outcomes() {
    }

    static void print(RunOutcome outcome) {
        switch (outcome.exitCode()) {
            case IN_SYNC, DIFFERENCES, ALREADY_COMPLETED -> System.out.println(outcome.message());
            default -> System.err.println("ace: " + outcome.message());
        }
        if (outcome.diffFile() != null) {
            System.out.println("diff file: " + outcome.diffFile());
        }
        if (outcome.htmlFile() != null) {
            System.out.println("report: " + outcome.htmlFile());
        }
    }
}
