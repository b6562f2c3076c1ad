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
 * @param message     one line for the operator
 * @param reportFiles every report the execution wrote, none when it wrote none
 */
public record RunOutcome(long executionId, String operation, String status, ExitCode exitCode, String message,
                         List<ReportFile> reportFiles) {

    static RunOutcome of(JobExecution execution) {
        return of(execution, null, null);
    }

    /** An outcome with its own exit code and message (a run key that already completed). */
    static RunOutcome of(JobExecution execution, ExitCode exitCode, String message) {
        RunContext context = RunContext.of(execution);
        ExitCode code = exitCode;
        String line = message;
        if (code == null) {
            BatchStatus status = execution.getStatus();
            if (status == BatchStatus.COMPLETED) {
                code = context.differences() > 0 ? ExitCode.DIFFERENCES : ExitCode.IN_SYNC;
                line = context.summaryLine() == null ? "completed" : context.summaryLine();
            } else if (status == BatchStatus.STOPPED) {
                code = ExitCode.STOPPED;
                line = "job execution " + execution.getId() + " was stopped; launch the same command with --run-key to resume it";
            } else {
                AceException ace = cause(execution);
                code = ace == null ? ExitCode.FAILED : ace.exitCode();
                line = ace != null ? ace.getMessage() : "job execution " + execution.getId() + " failed: "
                        + execution.getAllFailureExceptions().stream().findFirst()
                                .map(t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()).orElse(status.toString())
                        + "; launch the same command with the same --run-key to resume it";
            }
        }
        return new RunOutcome(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus().name(), code, line,
                context.reports());
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
