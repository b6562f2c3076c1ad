package io.ace.batch;

import io.ace.findings.FindingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Drops a run's stored differences once it completed: they exist so that a restart neither
 * loses nor repeats them, a completed run is never restarted, and its reports hold them. A
 * large diff stores hundreds of megabytes; the job repository would otherwise keep them all.
 */
final class FindingsRetention implements JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(FindingsRetention.class);

    private final FindingsStore findings;

    FindingsRetention(FindingsStore findings) {
        this.findings = findings;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        try {
            findings.forgetDifferences(execution.getJobInstance().getInstanceId());
        } catch (RuntimeException e) {
            // the run's result stands; the rows only take space
            LOG.warn("could not drop the stored differences of completed job execution {}: {}", execution.getId(), e.toString());
        }
    }
}
