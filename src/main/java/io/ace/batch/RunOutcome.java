package io.ace.batch;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.step.StepExecution;

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
        return new RunOutcome(execution, ExitCode.FAILED, "job execution " + execution.getId() + " failed" + failure(execution)
                + "launch the same command with the same --run-key to resume it");
    }

    /**
     * What failed, for the operator: a step's own error rather than the "partition handler
     * returned an unsuccessful step" of the step that ran it, named with its step; an Error (out
     * of memory, stack overflow) said in words, with what to change.
     */
    private static String failure(JobExecution execution) {
        StepExecution failedStep = null;
        Throwable cause = null;
        for (StepExecution step : execution.getStepExecutions()) {
            for (Throwable t : step.getFailureExceptions()) {
                if (cause == null || cause instanceof JobExecutionException && !(t instanceof JobExecutionException)) {
                    failedStep = step;
                    cause = t;
                }
            }
        }
        if (cause == null) {
            cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        }
        String where = failedStep == null ? "" : " in step " + failedStep.getStepName();
        if (cause instanceof OutOfMemoryError) {
            return where + ": out of memory (" + cause.getMessage() + "); give it a larger heap (ACE_JAVA_OPTS=\"-Xmx...\") or a smaller"
                    + " --compare-unit-size, then ";
        }
        if (cause instanceof StackOverflowError) {
            return where + ": stack overflow; give it a larger thread stack (ACE_JAVA_OPTS=\"-Xss...\"), then ";
        }
        String message = cause == null ? execution.getStatus().toString()
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return where + ": " + message + "; ";
    }
}
