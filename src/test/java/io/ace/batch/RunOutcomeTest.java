package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

/**
 * How an ended execution reads to an operator: the exit code and the one line, with the run key
 * to resume with; and, read back from the repository (which keeps no failure exceptions), what
 * the launch itself said.
 */
@Tag("fast")
class RunOutcomeTest {

    private static final JobParameters RUN = new JobParametersBuilder().addString("operation", "mtree-teardown")
            .addString("cluster", "local").addString("target", "").addString("run_key", "adhoc-7f3a").toJobParameters();

    private static JobExecution ended(long id, BatchStatus status, Throwable failure) {
        JobExecution execution = MetaDataInstanceFactory.createJobExecution("mtree-teardown", 11L, id, RUN);
        execution.setStatus(status);
        if (failure != null) {
            StepExecution step = MetaDataInstanceFactory.createStepExecution(execution, "mtree-teardown", id * 10);
            step.addFailureException(failure);
            execution.addStepExecution(step);
        }
        return execution;
    }

    @Test
    void anUnexpectedFailureNamesItsStepAndTheRunKeyToResumeWith() {
        RunOutcome outcome = RunOutcome.of(ended(5, BatchStatus.FAILED, new IllegalStateException("boom")));
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(outcome.message()).isEqualTo("job execution 5 failed in step mtree-teardown: boom;"
                + " launch the same command with --run-key adhoc-7f3a to resume it");
        assertThat(outcome.publicMessage()).doesNotContain("boom").contains("--run-key adhoc-7f3a");
    }

    @Test
    void aStoppedRunSaysHowToResumeIt() {
        assertThat(RunOutcome.of(ended(6, BatchStatus.STOPPED, null)).message())
                .isEqualTo("job execution 6 was stopped; launch the same command with --run-key adhoc-7f3a to resume it");
    }

    @Test
    void anExpectedRefusalKeepsItsExitCodeAndSaysNothingOfResuming() {
        RunOutcome outcome = RunOutcome.of(ended(7, BatchStatus.FAILED,
                new AceException(ExitCode.UNREACHABLE, "node n1's slot is read by mtree listen right now; stop it first")));
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(outcome.message()).isEqualTo("node n1's slot is read by mtree listen right now; stop it first");
    }

    @Test
    void whatTheLaunchRecordedIsWhatLaterReadersSee() {
        JobExecution launched = ended(8, BatchStatus.FAILED, new AceException(ExitCode.UNREACHABLE, "refused"));
        RunContext.of(launched).outcome(RunOutcome.of(launched));

        // as the repository gives it back: the same context, no failure exceptions
        JobExecution read = ended(8, BatchStatus.FAILED, null);
        read.setExecutionContext(launched.getExecutionContext());
        assertThat(RunOutcome.of(read).exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(RunOutcome.of(read).message()).isEqualTo("refused");

        // a restart starts from a copy of that context: its own outcome is its own
        JobExecution restarted = ended(9, BatchStatus.COMPLETED, null);
        restarted.setExecutionContext(launched.getExecutionContext());
        assertThat(RunOutcome.of(restarted).exitCode()).isEqualTo(ExitCode.IN_SYNC);
    }
}
