package io.ace.cli;

import io.ace.audit.AuditLog;
import io.ace.batch.DiffProgress;
import io.ace.batch.FailureTraces;
import io.ace.batch.RunLauncher;
import io.ace.batch.RunOutcome;
import io.ace.batch.RunQueries;
import io.ace.launch.LaunchGrammar;
import io.ace.operation.LaunchRequest;
import io.ace.operation.LaunchedBy;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/** Runs an operation's parsed command on the terminal: a progress bar while it runs, then its outcome. */
final class OperationCommand {

    private final RunLauncher launcher;
    private final DiffProgress progress;
    private final RunQueries queries;
    private final CommandLineAudit audit;

    OperationCommand(RunLauncher launcher, DiffProgress progress, RunQueries queries, AuditLog audit) {
        this.launcher = launcher;
        this.progress = progress;
        this.queries = queries;
        this.audit = new CommandLineAudit(audit);
    }

    int run(LaunchGrammar.Launch launch) throws Exception {
        FailureTraces.shown(launch.debug());
        if (launch.debug()) {
            LoggingSystem.get(OperationCommand.class.getClassLoader()).setLogLevel("io.ace", LogLevel.DEBUG);
        }
        // the launcher tells whether stderr is a terminal; Java itself cannot
        boolean bar = launch.operation().progressBar() && !launch.quiet() && !launch.debug() && Boolean.getBoolean("ace.stderr.tty");
        RunOutcome outcome;
        try (ProgressDisplay display = bar ? ProgressDisplay.bar(launch.operation().name() + " " + launch.request().target(), queries, progress)
                : ProgressDisplay.none()) {
            LaunchRequest request = launch.request();
            outcome = audit.launch("launch", request.operation() + " " + request.cluster() + " " + request.target(), null,
                    () -> launcher.launch(request, LaunchedBy.commandLine(), display::follow));
        }
        Outcomes.print(outcome);
        return outcome.exitCode().code();
    }
}
