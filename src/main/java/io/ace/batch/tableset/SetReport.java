package io.ace.batch.tableset;

import org.springframework.batch.core.job.JobExecution;

/** Writes a run's summary once its tables have been compared, however that ended; returns the run's one-line outcome. */
@FunctionalInterface
public interface SetReport {

    String write(JobExecution job, TableSetOutcome outcome) throws Exception;
}
