package io.ace.batch;

import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.dao.jdbc.JdbcExecutionContextDao;
import org.springframework.batch.core.repository.dao.jdbc.JdbcJobExecutionDao;
import org.springframework.batch.core.repository.dao.jdbc.JdbcJobInstanceDao;
import org.springframework.batch.core.repository.dao.jdbc.JdbcStepExecutionDao;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.repository.support.SimpleJobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Spring Batch's JDBC job repository, whose step update asks the database only what its stop check
 * needs: the status of the step's job and the step's version. Spring Batch's own update reads the
 * whole step back first (its job, the job's parameters and both execution contexts, the frozen plan
 * among them), and a run updates its steps some twenty times: a quarter of a small table-diff's job.
 * The check and the update are Spring Batch's: a job being stopped, or stopped, elsewhere makes
 * the step terminate with the version the stop left; any other concurrent change still fails the
 * update's version check.
 */
final class StopCheckingJobRepository extends SimpleJobRepository {

    private final JdbcOperations jdbc;
    private final String statusAndVersion;

    private StopCheckingJobRepository(JdbcJobInstanceDao instances, JdbcJobExecutionDao executions, JdbcStepExecutionDao steps,
                                      JdbcExecutionContextDao contexts, JdbcOperations jdbc, String tablePrefix) {
        super(instances, executions, steps, contexts);
        this.jdbc = jdbc;
        this.statusAndVersion = "SELECT J.STATUS, S.VERSION FROM " + tablePrefix + "STEP_EXECUTION S JOIN " + tablePrefix
                + "JOB_EXECUTION J ON J.JOB_EXECUTION_ID = S.JOB_EXECUTION_ID WHERE S.STEP_EXECUTION_ID = ?";
    }

    @Override
    public void update(StepExecution stepExecution) {
        stepExecution.setLastUpdated(LocalDateTime.now());
        Stored stored = DataAccessUtils.singleResult(jdbc.query(statusAndVersion,
                (rs, row) -> new Stored(BatchStatus.valueOf(rs.getString(1)), rs.getInt(2)), stepExecution.getId()));
        if (stored == null) {
            throw new IllegalStateException("step execution " + stepExecution.getId() + " (" + stepExecution.getStepName()
                    + ") is not in the job repository: its records were removed while it ran");
        }
        if (stored.job() == BatchStatus.STOPPING || stored.job() == BatchStatus.STOPPED) {
            stepExecution.setVersion(stored.stepVersion());
            stepExecution.setTerminateOnly();
        }
        stepExecutionDao.updateStepExecution(stepExecution);
    }

    /** What the database holds now: the status of the step's job and the step's version. */
    private record Stored(BatchStatus job, int stepVersion) {
    }

    /** Spring Batch's JDBC repository factory, making this repository: the same DAOs, wired as Spring Batch wires them. */
    static final class Factory extends JdbcJobRepositoryFactoryBean {

        @Override
        protected Object getTarget() {
            JdbcJobInstanceDao instances = createJobInstanceDao();
            JdbcJobExecutionDao executions = createJobExecutionDao();
            executions.setJobInstanceDao(instances);
            JdbcStepExecutionDao steps = createStepExecutionDao();
            steps.setJobExecutionDao(executions);
            return new StopCheckingJobRepository(instances, executions, steps, createExecutionContextDao(), jdbcOperations, tablePrefix);
        }
    }
}
