package io.ace.batch.partition;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way partition requests enter the channel: the first time, with their claims, and again
 * when the worker that held a partition is lost or stops. Each is one transaction with the claim,
 * so a request is in the channel exactly when its claim says so.
 */
final class PartitionDispatch {

    private final PartitionClaims claims;
    private final PartitionChannels channels;
    private final JobRepository repository;
    private final TransactionTemplate transaction;

    PartitionDispatch(PartitionClaims claims, PartitionChannels channels, JobRepository repository, PlatformTransactionManager transactions) {
        this.claims = claims;
        this.channels = channels;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
    }

    PartitionClaims claims() {
        return claims;
    }

    PartitionChannels channels() {
        return channels;
    }

    JobRepository repository() {
        return repository;
    }

    TransactionTemplate transaction() {
        return transaction;
    }

    /** Sends the requests of a job execution's partitions. */
    void send(long jobExecutionId, List<PartitionClaims.Claim> partitions) {
        transaction.executeWithoutResult(status -> {
            claims.queue(jobExecutionId, partitions);
            for (PartitionClaims.Claim p : partitions) {
                channels.send(new PartitionRequest(jobExecutionId, p.stepExecutionId(), p.workerStep(), p.region()));
            }
        });
    }

    /**
     * Takes a partition back from {@code workerId} and sends it again, reopened so the next worker
     * resumes it after its last committed block. Reopening also moves the partition's version on: a
     * worker that was taken for lost but still runs can commit no further block. False when that
     * worker no longer held it.
     */
    boolean requeue(long stepExecutionId, String workerId, String why) {
        Boolean sent = transaction.execute(status -> claims.requeue(stepExecutionId, workerId, why).map(claim -> {
            StepExecution step = repository.getStepExecution(stepExecutionId);
            if (step == null) {
                return false;
            }
            step.setStatus(BatchStatus.STARTED);
            step.setExitStatus(ExitStatus.EXECUTING);
            step.setEndTime(null);
            repository.update(step);
            channels.send(new PartitionRequest(step.getJobExecutionId(), stepExecutionId, claim.workerStep(), claim.region()));
            return true;
        }).orElse(false));
        return Boolean.TRUE.equals(sent);
    }

    /**
     * Ends a partition no worker took, with the reason (the run stopped, or no worker of its region
     * is alive); false when a worker took it meanwhile.
     */
    boolean abandon(long stepExecutionId, BatchStatus status, RuntimeException why) {
        Boolean abandoned = transaction.execute(tx -> {
            if (!claims.abandon(stepExecutionId)) {
                return false;
            }
            StepExecution step = repository.getStepExecution(stepExecutionId);
            step.setStatus(status);
            step.setExitStatus((status == BatchStatus.STOPPED ? ExitStatus.STOPPED : ExitStatus.FAILED).addExitDescription(why.getMessage()));
            step.setEndTime(LocalDateTime.now());
            if (status == BatchStatus.FAILED) {
                PartitionFailure.record(step.getExecutionContext(), why);
            }
            repository.update(step);
            repository.updateExecutionContext(step);
            return true;
        });
        return Boolean.TRUE.equals(abandoned);
    }
}
