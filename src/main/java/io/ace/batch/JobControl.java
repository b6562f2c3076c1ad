package io.ace.batch;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/** Stops and abandons executions through the job repository, from any process that shares it. */
public final class JobControl {

    private final JobRepository repository;
    private final JobOperator operator;
    private final RunLauncher launcher;

    public JobControl(JobRepository repository, JobOperator operator, RunLauncher launcher) {
        this.repository = repository;
        this.operator = operator;
        this.launcher = launcher;
    }

    public JobExecution execution(long id) {
        JobExecution e;
        try {
            e = repository.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException missing) {
            // the JDBC repository answers an unknown id this way rather than with null
            e = null;
        }
        if (e == null) {
            throw AceException.usage("no job execution " + id + " in the job repository ('ace jobs list' shows them)");
        }
        return e;
    }

    /** Asks a running execution to stop after its current block; it stays restartable. */
    public void stop(long id) {
        JobExecution e = execution(id);
        if (!e.isRunning()) {
            throw new AceException(ExitCode.USAGE, "job execution " + id + " is not running (" + e.getStatus() + ")");
        }
        // the running process, wherever it is, sees STOPPING at its next commit and stops its steps
        e.setStatus(BatchStatus.STOPPING);
        repository.update(e);
    }

    /** Marks a stopped or failed execution as never to be resumed. */
    public void abandon(long id) throws Exception {
        JobExecution e = execution(id);
        if (e.isRunning()) {
            throw new AceException(ExitCode.USAGE, "job execution " + id + " is running; stop it before abandoning it");
        }
        operator.abandon(e);
    }

    /**
     * Marks an execution left STARTED by a process that no longer exists as failed, so that it can
     * be restarted. Refused while its process is alive.
     */
    public void recover(long id) {
        JobExecution e = execution(id);
        if (!e.isRunning()) {
            throw new AceException(ExitCode.USAGE, "job execution " + id + " is not left running (" + e.getStatus() + "); nothing to recover");
        }
        if (launcher.alive(e)) {
            throw new AceException(ExitCode.USAGE, "job execution " + id + " is running in process "
                    + e.getExecutionContext().getString(TableDiffRun.OWNER_KEY, "?") + "; stop it instead");
        }
        operator.recover(e);
    }
}
