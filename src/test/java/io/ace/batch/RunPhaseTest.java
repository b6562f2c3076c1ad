package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

/** The phase a progress bar names after the counted work: the step running now, named by its manager step, not a partition. */
@Tag("fast")
class RunPhaseTest {

    @Test
    void thePhaseIsTheLatestRunningStepNotAPartition() {
        JobExecution job = MetaDataInstanceFactory.createJobExecution();
        StepExecution plan = step(job, "plan", 1, BatchStatus.COMPLETED);
        StepExecution hash = step(job, "hash", 2, BatchStatus.STARTED);
        StepExecution partition = step(job, "hash-partition:partition0", 3, BatchStatus.STARTED);
        assertThat(RunProgress.of(List.of(plan, hash, partition)).phase()).isEqualTo("hash");

        hash.setStatus(BatchStatus.COMPLETED);
        partition.setStatus(BatchStatus.COMPLETED);
        StepExecution recheck = step(job, "recheck", 4, BatchStatus.STARTED);
        assertThat(RunProgress.of(List.of(plan, hash, partition, recheck)).phase()).isEqualTo("recheck");

        recheck.setStatus(BatchStatus.COMPLETED);
        assertThat(RunProgress.of(List.of(plan, hash, partition, recheck)).phase()).as("ended: no phase").isNull();
    }

    private static StepExecution step(JobExecution job, String name, long id, BatchStatus status) {
        StepExecution step = MetaDataInstanceFactory.createStepExecution(job, name, id);
        step.setStatus(status);
        return step;
    }
}
