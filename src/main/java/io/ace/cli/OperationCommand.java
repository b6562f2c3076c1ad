package io.ace.cli;

import io.ace.batch.DiffProgress;
import io.ace.batch.RunLauncher;
import io.ace.batch.RunOutcome;
import io.ace.batch.RunQueries;
import io.ace.launch.LaunchGrammar;

/** Runs an operation's parsed command on the terminal: a progress bar while it runs, then its outcome. */
final class OperationCommand {

    private final RunLauncher launcher;
    private final DiffProgress progress;
    private final RunQueries queries;

    OperationCommand(RunLauncher launcher, DiffProgress progress, RunQueries queries) {
        this.launcher = launcher;
        this.progress = progress;
        this.queries = queries;
    }

    int run(LaunchGrammar.Launch launch) throws Exception {
        // the launcher tells whether stderr is a terminal; Java itself cannot
        boolean bar = launch.operation().blockProgress() && !launch.quiet() && Boolean.getBoolean("ace.stderr.tty");
        RunOutcome outcome;
        try (ProgressDisplay display = bar ? ProgressDisplay.bar(launch.operation().name() + " " + launch.request().target(), queries, progress)
                : ProgressDisplay.none()) {
            outcome = launcher.launch(launch.request(), display::follow);
        }
        Outcomes.print(outcome);
        return outcome.exitCode().code();
    }
}
