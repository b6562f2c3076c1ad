package io.ace.batch.tableset;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * A text a run's first execution froze in the job's context (what it compares), found in this
 * execution's context or the first earlier one of the same run that has it.
 */
public final class FrozenText {

    private FrozenText() {
    }

    public static String read(JobExecution execution, JobRepository repository, String key) {
        String text = execution.getExecutionContext().getString(key, null);
        if (text == null) {
            text = repository.getJobExecutions(execution.getJobInstance()).stream()
                    .map(e -> e.getExecutionContext().getString(key, null)).filter(t -> t != null).findFirst()
                    .orElseThrow(() -> new IllegalStateException("what job instance " + execution.getJobInstance().getInstanceId()
                            + " compares (" + key + ") is missing from the job repository"));
            execution.getExecutionContext().putString(key, text);
        }
        return text;
    }
}
