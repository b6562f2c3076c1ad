package io.ace.operation;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * An operation's own options as job parameters and back; the run's identity (operation, cluster,
 * target, run key, output directory) is {@link RunIdentity}'s, which {@link Operation#parameters}
 * adds. The identifying parameters name the run (a relaunch with the same values and run key
 * resumes it); decoding the recorded parameters rebuilds exactly the request a restart needs.
 */
public interface ParameterCodec<R extends LaunchRequest> {

    /** The request's own parameters, none of the identity's names. */
    JobParameters encode(R request);

    R decode(RunIdentity identity, JobParameters parameters);
}
