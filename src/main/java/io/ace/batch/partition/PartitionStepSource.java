package io.ace.batch.partition;

import java.time.Duration;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * Where a worker gets the step that runs a partition: the job of the partition's launch, rebuilt
 * on this worker as the manager built it (its request from the recorded parameters, sessions to its
 * nodes, its checks), once per job execution while its partitions keep coming.
 */
public interface PartitionStepSource {

    /** The step {@code stepName} of the partition's launch, held until the lease is closed; an error naming the cause when it cannot be built. */
    Lease lease(StepExecution partition, String stepName);

    /** Lets go of launches none of whose partitions ran for {@code idle}, closing their sessions. */
    void expire(Duration idle);

    /** A step held for one partition. */
    interface Lease extends AutoCloseable {
        Step step();

        @Override
        void close();
    }
}
