package io.ace.batch;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.operation.RunIdentity;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.step.StepExecution;

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
                line = "job execution " + execution.getId() + " was stopped; " + resumeAdvice(execution);
                publicLine = line;
            } else {
                AceException ace = cause(execution);
                Failure failure = Failure.of(execution);
                String resume = resumeAdvice(execution);
                String failed = "job execution " + execution.getId() + " failed" + failure.where();
                code = ace == null ? ExitCode.FAILED : ace.exitCode();
                // a failure the run key resumes says so, with the key
                String then = code == ExitCode.FAILED || code == ExitCode.STOPPED ? "; " + resume : "";
                line = ace != null ? ace.getMessage() + (ace.getMessage().contains("--run-key") ? "" : then) : failed + ": " + failure.what() + "; " + resume;
                // an unexpected failure's message may quote a node's data: web callers get its kind only
                publicLine = ace != null ? ace.publicMessage() + (ace.publicMessage().contains("--run-key") ? "" : then)
                        : failed + (failure.error() ? ": " + failure.what() + "; " : " (" + failure.kind() + "; the cause is in the server log); ")
                        + resume;
            }
        }
        RunContext.Recorded recorded = context.outcome(execution.getId());
        if (exitCode == null && recorded != null) {
            // the failure as the launch saw it: failure exceptions are not kept by the repository
            code = recorded.exitCode();
            line = recorded.message();
            publicLine = recorded.publicMessage();
        }
        return new RunOutcome(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus().name(), code, line,
                publicLine, context.reports());
    }

    /** How to resume the run of this execution, naming its run key (generated ones too, which the operator never saw). */
    public static String resumeAdvice(JobExecution execution) {
        return "launch the same command with --run-key " + RunIdentity.of(execution.getJobParameters()).runKey() + " to resume it";
    }

    /**
     * What failed, for the operator: a step's own error rather than the "partition handler
     * returned an unsuccessful step" of the step that ran it, with the step's name; a JVM error
     * (out of memory, stack overflow) said in words, with the setting to change.
     */
    private record Failure(String step, Throwable cause, String status) {

        static Failure of(JobExecution execution) {
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
            return new Failure(failedStep == null ? null : failedStep.getStepName(), cause, execution.getStatus().toString());
        }

        String where() {
            return step == null ? "" : " in step " + step;
        }

        boolean error() {
            return cause instanceof OutOfMemoryError || cause instanceof StackOverflowError;
        }

        String kind() {
            return cause == null ? status : cause.getClass().getSimpleName();
        }

        String what() {
            if (cause instanceof OutOfMemoryError) {
                return "out of memory (" + cause.getMessage() + "); give it a larger heap (ACE_JAVA_OPTS=\"-Xmx...\") or a smaller"
                        + " --compare-unit-size";
            }
            if (cause instanceof StackOverflowError) {
                return "stack overflow; give it a larger thread stack (ACE_JAVA_OPTS=\"-Xss...\")";
            }
            return cause == null ? status : cause.getMessage() == null ? kind() : cause.getMessage();
        }
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
