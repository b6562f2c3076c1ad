package io.ace.operation;

import io.ace.cluster.ClusterSessions;
import java.util.List;
import org.springframework.batch.core.job.Job;

/** How an operation runs as a Spring Batch job: its checks, the nodes it needs, and the job itself. */
public interface OperationJob<R extends LaunchRequest> {

    /**
     * What a launch needs from the cluster, after the checks that need no node (option
     * combinations, input files). A failure here is an {@code AceException}, and nothing is recorded.
     *
     * @param nodes the nodes to open; empty for every node of the cluster
     */
    record Needs(List<String> nodes) {
    }

    Needs prepare(R request);

    /**
     * The job for one launch, on sessions the launcher opened (and closes). Checks against the
     * nodes (the table exists alike everywhere, ...) happen here, before the job exists.
     */
    Job build(R request, ClusterSessions sessions);
}
