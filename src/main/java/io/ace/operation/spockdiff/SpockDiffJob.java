package io.ace.operation.spockdiff;

import io.ace.batch.BatchResources;
import io.ace.cluster.ClusterSessions;
import io.ace.operation.OperationJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.Step;

/** The spock-diff job: one step that reads every node's replication configuration, compares it and writes the reports. */
final class SpockDiffJob implements OperationJob<SpockDiffRequest> {

    private final BatchResources resources;

    SpockDiffJob(BatchResources resources) {
        this.resources = resources;
    }

    @Override
    public Needs prepare(SpockDiffRequest request) {
        return new Needs(request.nodes());
    }

    @Override
    public Job build(SpockDiffRequest request, ClusterSessions sessions) {
        Step compare = resources.step("compare", new ConfigTasklet(request, sessions, resources.html(), resources.toolVersion()));
        return new JobBuilder(SpockDiffRequest.OPERATION, resources.repository()).start(compare).build();
    }
}
