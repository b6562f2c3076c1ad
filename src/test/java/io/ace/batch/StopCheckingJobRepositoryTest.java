package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ace.testing.Ace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.Advised;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The application's job repository, on its embedded database, updates a step as Spring Batch's
 * does: the step's state is stored, a job stopped elsewhere makes the step terminate, and any other
 * concurrent change still fails the version check.
 */
@Tag("fast")
class StopCheckingJobRepositoryTest {

    @TempDir
    Path home;

    private Ace ace;
    private JobRepository repository;

    @BeforeEach
    void start() {
        ace = new Ace(home.resolve("no-cluster.conf"), home);
        repository = ace.context().getBean(JobRepository.class);
    }

    @AfterEach
    void stop() {
        ace.close();
    }

    @Test
    void aStepUpdateIsStoredWithItsVersion() throws Exception {
        // the application's repository is this one, behind Spring Batch's transactions
        assertThat(((Advised) repository).getTargetSource().getTarget()).isInstanceOf(StopCheckingJobRepository.class);
        StepExecution step = startedStep();
        step.setReadCount(7);
        repository.update(step);

        StepExecution stored = repository.getStepExecution(step.getId());
        assertThat(stored.getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(stored.getReadCount()).isEqualTo(7);
        assertThat(stored.getVersion()).isEqualTo(step.getVersion()).isEqualTo(2);
        assertThat(step.isTerminateOnly()).isFalse();
    }

    @Test
    void aJobStoppedElsewhereMakesTheStepTerminateWithTheVersionTheStopLeft() {
        StepExecution step = startedStep();
        // another process stops the job: its status and the step's version change under this one
        JobExecution elsewhere = repository.getJobExecution(step.getJobExecutionId());
        elsewhere.setStatus(BatchStatus.STOPPING);
        repository.update(elsewhere);
        StepExecution other = repository.getStepExecution(step.getId());
        repository.update(other);
        assertThat(other.getVersion()).isGreaterThan(step.getVersion());

        step.setReadCount(3);
        repository.update(step);
        assertThat(step.isTerminateOnly()).isTrue();
        StepExecution stored = repository.getStepExecution(step.getId());
        assertThat(stored.getReadCount()).isEqualTo(3);
        assertThat(stored.getVersion()).isEqualTo(step.getVersion());
    }

    @Test
    void anyOtherConcurrentChangeStillFailsTheVersionCheck() {
        StepExecution step = startedStep();
        repository.update(repository.getStepExecution(step.getId()));

        assertThatThrownBy(() -> repository.update(step)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(step.isTerminateOnly()).isFalse();
    }

    @Test
    void aStepWhoseRecordsWereRemovedIsRefusedByName() {
        StepExecution step = startedStep();
        repository.deleteStepExecution(step);

        assertThatThrownBy(() -> repository.update(step)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step execution " + step.getId() + " (probe-step) is not in the job repository");
    }

    private StepExecution startedStep() {
        JobParameters parameters = new JobParametersBuilder().addString("run_key", home.getFileName().toString()).toJobParameters();
        JobInstance instance = repository.createJobInstance("probe", parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        StepExecution step = repository.createStepExecution("probe-step", execution);
        step.setStatus(BatchStatus.STARTED);
        repository.update(step);
        return step;
    }
}
