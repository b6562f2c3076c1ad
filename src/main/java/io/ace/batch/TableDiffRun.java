package io.ace.batch;

import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffPlan;
import java.net.InetAddress;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * What one execution of a table-diff job shares between its steps: the node sessions and the
 * table as the launcher checked it (a launch fails on bad input before any job is recorded),
 * and the frozen plan.
 */
final class TableDiffRun implements JobExecutionListener {

    static final String OWNER_KEY = "ace.owner";

    private final TableDiffRequest request;
    private final ClusterSessions sessions;
    private final ComparedTable table;
    private final JobRepository repository;
    private DiffPlan plan;

    TableDiffRun(TableDiffRequest request, ClusterSessions sessions, ComparedTable table, JobRepository repository) {
        this.request = request;
        this.sessions = sessions;
        this.table = table;
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        // who runs this execution: a later launch with the same run key recovers it once this process is gone
        jobExecution.getExecutionContext().putString(OWNER_KEY, owner());
        repository.updateExecutionContext(jobExecution);
    }

    static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    TableDiffRequest request() {
        return request;
    }

    ClusterSessions sessions() {
        return sessions;
    }

    /** The table as checked on every node by this launch (a restart checks again). */
    ComparedTable table() {
        return table;
    }

    /** The plan frozen in the job's context, from this execution or the first one of the run. */
    synchronized DiffPlan plan(JobExecution execution) {
        if (plan == null) {
            String json = execution.getExecutionContext().getString(PlanCodec.KEY, null);
            if (json == null) {
                for (JobExecution earlier : repository.getJobExecutions(execution.getJobInstance())) {
                    json = earlier.getExecutionContext().getString(PlanCodec.KEY, null);
                    if (json != null) {
                        execution.getExecutionContext().putString(PlanCodec.KEY, json);
                        break;
                    }
                }
            }
            if (json == null) {
                throw new IllegalStateException("the plan of job instance " + execution.getJobInstance().getInstanceId()
                        + " is missing from the job repository");
            }
            plan = PlanCodec.decode(json);
        }
        return plan;
    }

    synchronized void freeze(JobExecution execution, DiffPlan newPlan) {
        execution.getExecutionContext().putString(PlanCodec.KEY, PlanCodec.encode(newPlan));
        this.plan = newPlan;
    }
}
