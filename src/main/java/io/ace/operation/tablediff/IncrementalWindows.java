package io.ace.operation.tablediff;

import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.Incremental;
import io.ace.operation.RunIdentity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The window of an incremental table-diff, from the job repository: a launch of a run that
 * recorded one (a restart) takes it again; a new run starts after the last completed run of the
 * same comparison (cluster, table, nodes, filter and column; any run key), or compares every row
 * when none completed, and ends at the first node's {@code now()} minus the boundary. A run that
 * failed never moved anything: only completed runs count. The last comparison of every row is the
 * latest completed full table-diff or Merkle-tree diff of the table.
 */
final class IncrementalWindows {

    /** Where a run's context keeps its window. */
    static final String WINDOW = "ace.incremental.window";
    /** Runs of an operation looked through, newest first: a nightly run finds its predecessor among the latest. */
    private static final int RUNS_SEEN = 1_000;
    /** The Merkle-tree diff's operation name (operations do not depend on each other, so not its constant). */
    private static final String MTREE_TABLE_DIFF = "mtree-table-diff";

    private IncrementalWindows() {
    }

    static Incremental.Window resolve(JobRepository repository, TableDiffRequest request, ClusterSessions sessions, TableShape shape) {
        Incremental incremental = request.options().incremental();
        incremental.check(shape);
        Instant watermark = null;
        Instant lastFull = null;
        String ownWindow = null;
        for (JobExecution e : executions(repository, TableDiffRequest.OPERATION)) {
            JobParameters p = e.getJobParameters();
            if (!sameComparison(p, request)) {
                continue;
            }
            String window = e.getExecutionContext().getString(WINDOW, null);
            if (request.runKey().equals(p.getString(RunIdentity.RUN_KEY)) && window != null) {
                ownWindow = window;
            }
            Instant ended = completed(e);
            if (ended == null) {
                continue;
            }
            boolean incrementalRun = incremental.column().equals(p.getString("incremental_column", ""));
            if (incrementalRun && window != null) {
                Incremental.Window w = Incremental.Window.of(incremental, window, null);
                watermark = watermark == null || w.to().isAfter(watermark) ? w.to() : watermark;
            }
            if ((!incrementalRun || window != null && window.startsWith("|")) && (lastFull == null || ended.isAfter(lastFull))) {
                lastFull = ended;
            }
        }
        for (JobExecution e : executions(repository, MTREE_TABLE_DIFF)) {
            RunIdentity id = RunIdentity.of(e.getJobParameters());
            Instant ended = completed(e);
            if (ended != null && id.cluster().equals(request.cluster()) && id.target().equals(request.target())
                    && (lastFull == null || ended.isAfter(lastFull))) {
                lastFull = ended;
            }
        }
        if (ownWindow != null) {
            return Incremental.Window.of(incremental, ownWindow, lastFull);
        }
        return incremental.windowAfter(watermark, lastFull, sessions);
    }

    /** The executions of the latest runs of {@code operation}. */
    private static List<JobExecution> executions(JobRepository repository, String operation) {
        List<JobExecution> all = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(operation, 0, RUNS_SEEN)) {
            all.addAll(repository.getJobExecutions(instance));
        }
        return all;
    }

    /** When an execution completed, or null when it did not. */
    private static Instant completed(JobExecution e) {
        return e.getStatus() == BatchStatus.COMPLETED && e.getEndTime() != null ? e.getEndTime().atZone(ZoneId.systemDefault()).toInstant() : null;
    }

    /** The same comparison: cluster, table, nodes and filter (an incremental run's and a full one's alike). */
    private static boolean sameComparison(JobParameters p, TableDiffRequest request) {
        RunIdentity id = RunIdentity.of(p);
        return id.cluster().equals(request.cluster()) && id.target().equals(request.target())
                && Objects.equals(p.getString("nodes", ""), String.join(",", request.options().nodes()))
                && Objects.equals(p.getString("table_filter", ""), request.options().tableFilter() == null ? "" : request.options().tableFilter());
    }
}
