package io.ace.batch.tableset;

import io.ace.batch.RunOutcome;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes the summary when the tables step ends, however it ended. A step that continued the job
 * after failing would be abandoned by Spring Batch and never resumed; so the summary is written
 * here, and a run with a table that could not be compared ends failed with the summary as its
 * message, to be resumed with the same run key (which compares only those tables again). A
 * stopped run stays stopped.
 */
final class SummaryListener implements StepExecutionListener {

    private final JobRepository repository;
    private final SetReport report;

    SummaryListener(JobRepository repository, SetReport report) {
        this.repository = repository;
        this.report = report;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        try {
            TableSetOutcome outcome = TableSetOutcome.of(step.getJobExecution(), repository);
            String[] line = report.write(step.getJobExecution(), outcome).split("\n", 2);
            if (step.getStatus() == BatchStatus.FAILED) {
                // the run's outcome: the verdict in our words, the tables' lines (node errors among them) as the detail
                step.addFailureException(new AceException(ExitCode.FAILED, line[0] + "; " + outcome.unfinished().size()
                        + (outcome.unfinished().size() == 1 ? " table" : " tables") + " could not be compared: fix the cause and "
                        + RunOutcome.resumeAdvice(step.getJobExecution()) + ", which compares only those tables again",
                        line.length > 1 ? "\n" + line[1] : null, null));
            }
            return step.getExitStatus();
        } catch (Exception e) {
            step.addFailureException(e);
            step.upgradeStatus(BatchStatus.FAILED);
            return ExitStatus.FAILED;
        }
    }
}
