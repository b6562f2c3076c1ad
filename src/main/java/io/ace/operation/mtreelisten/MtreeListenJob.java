package io.ace.operation.mtreelisten;

import io.ace.batch.BatchResources;
import io.ace.batch.RunContext;
import io.ace.cluster.ClusterSessions;
import io.ace.mtree.CaptureHook;
import io.ace.mtree.TreeListener;
import io.ace.operation.ClusterRequest;
import io.ace.operation.OperationJob;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The mtree listen job: one step that never finishes by itself. Each call of its tasklet is one
 * round of reading (about a second), so a stop request is seen between rounds and the step ends
 * STOPPED with every slot position confirmed up to what was marked.
 */
final class MtreeListenJob implements OperationJob<ClusterRequest> {

    private static final long ROUND_MILLIS = 1_000;

    private final BatchResources resources;

    MtreeListenJob(BatchResources resources) {
        this.resources = resources;
    }

    @Override
    public Needs prepare(ClusterRequest request) {
        return new Needs(request.nodes());
    }

    @Override
    public Job build(ClusterRequest request, ClusterSessions sessions) {
        TreeListener listener = new TreeListener(sessions, CaptureHook.NONE);
        listener.check();
        var repository = resources.repository();
        return new JobBuilder(MtreeListen.OPERATION, repository)
                .start(new StepBuilder("listen", repository).tasklet((contribution, chunk) -> {
                    listener.round(ROUND_MILLIS);
                    return RepeatStatus.CONTINUABLE;
                }, resources.transactions()).listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution step) {
                        RunContext.of(step.getJobExecution()).summaryLine("listened on " + sessions.nodeNames() + ": "
                                + listener.captured() + " changes captured, " + listener.rehashed() + " leaves rehashed");
                        try {
                            listener.close();
                        } catch (java.sql.SQLException e) {
                            // the replication sessions end with the run anyway; their slots keep the confirmed positions
                        }
                        return step.getExitStatus();
                    }
                }).build())
                .build();
    }
}
