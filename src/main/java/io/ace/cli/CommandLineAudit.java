package io.ace.cli;

import io.ace.audit.AuditLog;
import io.ace.batch.RunOutcome;
import io.ace.exit.AceException;
import io.ace.operation.LaunchedBy;
import java.util.concurrent.Callable;

/**
 * What an operator does to runs from the command line, in the audit log beside the web's actions
 * and the scheduler's launches: the operating-system user, the action, what it acted on, and how
 * it ended (refusals too).
 */
final class CommandLineAudit {

    private final AuditLog log;
    private final String actor = LaunchedBy.commandLine().text();

    CommandLineAudit(AuditLog log) {
        this.log = log;
    }

    /** A launch or restart: recorded with the execution it ran and its outcome line. */
    RunOutcome launch(String action, String subject, Long execution, Callable<RunOutcome> body) throws Exception {
        try {
            RunOutcome outcome = body.call();
            log.record(actor, action, subject, outcome.executionId(), outcome.publicMessage());
            return outcome;
        } catch (Exception e) {
            log.record(actor, action, subject, execution, refusal(e));
            throw e;
        }
    }

    /** A control of one execution (stop, abandon). */
    @FunctionalInterface
    interface Control {
        void apply(long execution) throws Exception;
    }

    /** A control of one execution: recorded with what it did, which it returns. */
    String control(String action, long execution, String done, Control body) throws Exception {
        try {
            body.apply(execution);
            log.record(actor, action, "execution " + execution, execution, done);
            return done;
        } catch (Exception e) {
            log.record(actor, action, "execution " + execution, execution, refusal(e));
            throw e;
        }
    }

    /** Our own words only: the audit log is read by every viewer. */
    private static String refusal(Exception e) {
        return "refused: " + (e instanceof AceException ace ? ace.publicMessage() : e.getClass().getSimpleName());
    }
}
