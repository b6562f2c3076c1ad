package io.ace.batch;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * How a launch ended, as the exit code contract (DESIGN.md §3) sees it.
 *
 * @param execution the execution that ran, or the completed one when nothing was left to do
 * @param exitCode  the process exit code
 * @param message   one line for the operator
 */
public record RunOutcome(JobExecution execution, ExitCode exitCode, String message) {

    /** Every report file this run wrote (diff file, HTML report, repair report, dry-run statements), none when it wrote none. */
    public List<ReportFile> reportFiles() {
        return ReportFile.written(execution);
    }

    static RunOutcome of(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        var context = execution.getExecutionContext();
        if (status == BatchStatus.COMPLETED) {
            long diffs = context.getLong(ReportTasklet.DIFF_TOTAL, 0L);
            return new RunOutcome(execution, diffs > 0 ? ExitCode.DIFFERENCES : ExitCode.IN_SYNC,
                    context.getString(ReportTasklet.SUMMARY_LINE, "completed"));
        }
        if (status == BatchStatus.STOPPED) {
            return new RunOutcome(execution, ExitCode.STOPPED, "job execution " + execution.getId()
                    + " was stopped; launch the same command with --run-key to resume it");
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof AceException ace) {
                    return new RunOutcome(execution, ace.exitCode(), ace.getMessage());
                }
            }
        }
        String cause = execution.getAllFailureExceptions().stream().findFirst()
                .map(t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()).orElse(status.toString());
        return new RunOutcome(execution, ExitCode.FAILED, "job execution " + execution.getId() + " failed: " + cause
                + "; launch the same command with the same --run-key to resume it");
    }
}
