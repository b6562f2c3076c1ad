package io.ace.batch;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * How a launch ended, as the exit code contract sees it.
 *
 * @param executionId the execution that ran, or the completed one when nothing was left to do
 * @param operation   the operation's name
 * @param status      the execution's batch status ({@code COMPLETED}, {@code FAILED}, ...)
 * @param exitCode    the process exit code
 * @param message       one line for the operator
 * @param publicMessage the same without text from outside the tool (a node's error message), for web callers
 * @param reportFiles   every report the execution wrote, none when it wrote none
 */
public record RunOutcome(long executionId, String operation, String status, ExitCode exitCode, String message, String publicMessage,
                         List<ReportFile> reportFiles) {

    static RunOutcome of(JobExecution execution) {
        return of(execution, null, null);
    }

    /** An outcome with its own exit code and message (a run key that already completed). */
    static RunOutcome of(JobExecution execution, ExitCode exitCode, String message) {
        RunContext context = RunContext.of(execution);
        ExitCode code = exitCode;
        String line = message;
        String publicLine = message;
        if (code == null) {
            BatchStatus status = execution.getStatus();
            if (status == BatchStatus.COMPLETED) {
                code = context.differences() > 0 ? ExitCode.DIFFERENCES : ExitCode.IN_SYNC;
                line = context.summaryLine() == null ? "completed" : context.summaryLine();
                publicLine = line;
            } else if (status == BatchStatus.STOPPED) {
                code = ExitCode.STOPPED;
                line = "job execution " + execution.getId() + " was stopped; launch the same command with --run-key to resume it";
                publicLine = line;
            } else {
                AceException ace = cause(execution);
                Throwable first = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
                String resume = "; launch the same command with the same --run-key to resume it";
                code = ace == null ? ExitCode.FAILED : ace.exitCode();
                line = ace != null ? ace.getMessage() : "job execution " + execution.getId() + " failed: "
                        + (first == null ? status.toString() : first.getMessage() == null ? first.getClass().getSimpleName() : first.getMessage())
                        + resume;
                // an unexpected failure's message may quote a node's data: web callers get its kind only
                publicLine = ace != null ? ace.publicMessage() : "job execution " + execution.getId() + " failed ("
                        + (first == null ? status.toString() : first.getClass().getSimpleName()) + "; the cause is in the server log)" + resume;
            }
        }
        return new RunOutcome(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus().name(), code, line,
                publicLine, context.reports());
    }

    private static AceException cause(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof AceException ace) {
                    return ace;
                }
            }
        }
        return null;
    }
}
