package io.ace.operation;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * An operation's request as job parameters and back. The identifying ones name the run (a
 * relaunch with the same values and run key resumes it); decoding the recorded parameters
 * rebuilds exactly the request a restart needs.
 */
public interface ParameterCodec<R extends LaunchRequest> {

    JobParameters encode(R request);

    R decode(JobParameters parameters);
}
