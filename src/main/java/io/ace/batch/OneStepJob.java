package io.ace.batch;

import io.ace.cluster.ClusterSessions;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.operation.LaunchRequest;
import io.ace.operation.OperationJob;
import java.util.List;
import java.util.function.Function;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The job of an operation that is one call of an engine with one summary (setting up or tearing
 * down objects on the nodes, showing their state): its checks run before the job exists, the
 * call is its only step, and what the call returns is the run's summary.
 */
public final class OneStepJob<R extends LaunchRequest> implements OperationJob<R> {

    /** Work on the sessions the launcher opened. */
    @FunctionalInterface
    public interface Work<R> {
        /** Returns the run's summary (one or more lines). */
        String run(R request, ClusterSessions sessions) throws Exception;
    }

    private final BatchResources resources;
    private final Function<R, List<String>> nodes;
    private final Work<R> check;
    private final Work<R> work;

    /**
     * @param nodes the nodes a request names (empty for all)
     * @param check checks against the nodes before anything is recorded (its result is ignored)
     * @param work  the call, whose result is the run's summary line(s)
     */
    public OneStepJob(BatchResources resources, Function<R, List<String>> nodes, Work<R> check, Work<R> work) {
        this.resources = resources;
        this.nodes = nodes;
        this.check = check;
        this.work = work;
    }

    @Override
    public Needs prepare(R request) {
        // one session for the work, one for a lock held while it works
        return new Needs(nodes.apply(request));
    }

    @Override
    public Job build(R request, ClusterSessions sessions) {
        try {
            check.run(request, sessions);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AceException(ExitCode.FAILED, "the checks of " + request.operation() + " failed", e.getMessage(), e);
        }
        return new JobBuilder(request.operation(), resources.repository())
                .start(resources.step(request.operation(), (contribution, chunk) -> {
                    RunContext.of(chunk.getStepContext().getStepExecution().getJobExecution()).summaryLine(work.run(request, sessions));
                    return RepeatStatus.FINISHED;
                }))
                .build();
    }
}
