package io.ace.batch;

import io.ace.batch.partition.PartitionStepSource;
import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.SessionBudget;
import io.ace.operation.LaunchRequest;
import io.ace.operation.Operation;
import io.ace.operation.OperationJob;
import io.ace.operation.OperationRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;

/**
 * The launches whose partitions run on this worker, rebuilt as {@link RunLauncher} builds them on
 * the manager: the request decoded from the execution's recorded parameters by its operation's
 * codec, the operation's own checks, sessions from this process's budget, and the job, whose
 * partitioned steps answer their worker step by name. One per job execution, kept while its
 * partitions keep coming.
 */
public final class WorkerLaunches implements PartitionStepSource {

    private final OperationRegistry operations;
    private final ClusterRegistry clusters;
    private final SessionBudget budget;
    private final ConcurrentHashMap<Long, Launch> launches = new ConcurrentHashMap<>();

    public WorkerLaunches(OperationRegistry operations, ClusterRegistry clusters, SessionBudget budget) {
        this.operations = operations;
        this.clusters = clusters;
        this.budget = budget;
    }

    /** One launch on this worker: built by the first of its partitions, shared by the others (as the manager's threads share it). */
    private final class Launch {
        private final JobExecution execution;
        private int leases;
        private long idleSince = System.nanoTime();
        private ClusterSessions sessions;
        private Job job;

        Launch(JobExecution execution) {
            this.execution = execution;
        }

        synchronized Step step(String stepName) {
            if (job == null) {
                build(operations.get(execution.getJobInstance().getJobName()));
            }
            Step step = job instanceof StepLocator locator ? locator.getStep(stepName) : null;
            if (step == null) {
                throw new IllegalStateException("the " + execution.getJobInstance().getJobName() + " job of this version has no step "
                        + stepName + ": run workers of the manager's version");
            }
            return step;
        }

        private <R extends LaunchRequest> void build(Operation<R> operation) {
            R request = operation.request(execution.getJobParameters());
            OperationJob.Needs needs = operation.job().prepare(request);
            ClusterDefinition cluster = clusters.cluster(request.cluster());
            ClusterSessions opened = new ClusterSessions(cluster, needs.select(cluster), budget);
            try {
                job = operation.job().build(request, opened);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            sessions = opened;
        }

        synchronized void close() {
            if (sessions != null) {
                sessions.close();
            }
        }
    }

    @Override
    public Lease lease(StepExecution partition, String stepName) {
        long id = partition.getJobExecutionId();
        Launch launch = launches.compute(id, (k, l) -> {
            Launch held = l == null ? new Launch(partition.getJobExecution()) : l;
            held.leases++;
            return held;
        });
        Step step;
        try {
            step = launch.step(stepName);
        } catch (RuntimeException e) {
            release(id);
            throw e;
        }
        return new Lease() {
            @Override
            public Step step() {
                return step;
            }

            @Override
            public void close() {
                release(id);
            }
        };
    }

    private void release(long id) {
        launches.computeIfPresent(id, (k, l) -> {
            l.leases--;
            l.idleSince = System.nanoTime();
            return l;
        });
    }

    @Override
    public void expire(Duration idle) {
        for (Long id : launches.keySet()) {
            Launch[] gone = {null};
            launches.computeIfPresent(id, (k, l) -> {
                if (l.leases == 0 && System.nanoTime() - l.idleSince > idle.toNanos()) {
                    gone[0] = l;
                    return null;
                }
                return l;
            });
            if (gone[0] != null) {
                gone[0].close();
            }
        }
    }
}
