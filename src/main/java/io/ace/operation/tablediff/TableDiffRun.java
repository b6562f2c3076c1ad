package io.ace.operation.tablediff;

import io.ace.batch.RunContext;
import io.ace.batch.compare.TableComparison;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffPlan;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * What one execution of a table-diff job shares between its steps: the node sessions and the
 * table as the launch checked it (a launch fails on bad input before any job is recorded), and
 * the frozen plan.
 */
final class TableDiffRun {

    private final TableDiffRequest request;
    private final TableComparison comparison;
    private final JobRepository repository;
    private DiffPlan plan;

    TableDiffRun(TableDiffRequest request, TableComparison comparison, JobRepository repository) {
        this.request = request;
        this.comparison = comparison;
        this.repository = repository;
    }

    TableDiffRequest request() {
        return request;
    }

    ClusterSessions sessions() {
        return comparison.sessions();
    }

    /** The table as checked on every node by this launch (a restart checks again). */
    ComparedTable table() {
        return comparison.table();
    }

    /** The comparison's steps, on the sessions and the table of this launch. */
    TableComparison comparison() {
        return comparison;
    }

    /** The plan frozen in the job's context, from this execution or the first one of the run. */
    synchronized DiffPlan plan(JobExecution execution) {
        if (plan == null) {
            RunContext context = RunContext.of(execution);
            if (context.plan() == null) {
                for (JobExecution earlier : repository.getJobExecutions(execution.getJobInstance())) {
                    if (context.planFrom(RunContext.of(earlier))) {
                        break;
                    }
                }
            }
            plan = context.plan();
            if (plan == null) {
                throw new IllegalStateException("the plan of job instance " + execution.getJobInstance().getInstanceId()
                        + " is missing from the job repository");
            }
        }
        return plan;
    }

    synchronized void freeze(JobExecution execution, DiffPlan newPlan) {
        RunContext.of(execution).plan(newPlan);
        this.plan = newPlan;
    }
}
