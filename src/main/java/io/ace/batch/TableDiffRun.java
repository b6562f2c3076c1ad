package io.ace.batch;

import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffPlan;
import io.ace.diff.TablePreflight;
import java.net.InetAddress;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * What one execution of a table-diff job shares between its steps: the node sessions (opened
 * when the job starts, closed when it ends), the checked table and the frozen plan.
 */
final class TableDiffRun implements JobExecutionListener {

    static final String OWNER_KEY = "ace.owner";

    private final TableDiffRequest request;
    private final ClusterRegistry clusters;
    private final JobRepository repository;
    private ClusterSessions sessions;
    private ComparedTable table;
    private DiffPlan plan;

    TableDiffRun(TableDiffRequest request, ClusterRegistry clusters, JobRepository repository) {
        this.request = request;
        this.clusters = clusters;
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        // who runs this execution: a later launch with the same run key recovers it once this process is gone
        jobExecution.getExecutionContext().putString(OWNER_KEY, owner());
        repository.updateExecutionContext(jobExecution);
        ClusterDefinition cluster = clusters.cluster(request.cluster());
        sessions = new ClusterSessions(cluster, cluster.select(request.options().nodes()), request.options().workers() + 1);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (sessions != null) {
            sessions.close();
        }
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

    /** The table as checked on every node; checked on first use in this execution (a restart checks again). */
    synchronized ComparedTable table() {
        if (table == null) {
            table = new TablePreflight().check(sessions, request.table(), request.options());
        }
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
