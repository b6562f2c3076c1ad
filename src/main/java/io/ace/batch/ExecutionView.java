package io.ace.batch;

import io.ace.diff.DiffPlan;
import io.ace.diff.KeyRange;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.step.StepExecution;

/**
 * An execution as the UI and the API show it: what it is, where it stands (per partition, from
 * the frozen plan and each partition's committed position) and when it should end.
 */
public record ExecutionView(JobExecution execution, String operation, String cluster, String table, String runKey,
                            Integer exitCode, String summary, List<JobParameter<?>> parameters, PlanView plan,
                            List<StepView> steps, double progress, Duration elapsed, LocalDateTime eta, long differences,
                            List<ReportFile> reports) {

    /** The frozen plan: its size, and each partition's key range. */
    public record PlanView(int partitions, int blocks, long estimatedRows, List<String> partitionRanges) {
    }

    /**
     * One step or partition.
     *
     * @param progress done fraction of a partition's blocks (0..1), or -1 for other steps
     */
    public record StepView(long id, String name, String status, long readCount, long writeCount, long commitCount,
                           long rollbackCount, Duration duration, double progress, String error) {
    }

    /** For lists: no ETA from earlier runs. */
    public static ExecutionView of(JobExecution e) {
        return of(e, List::of);
    }

    /**
     * {@code earlier}: ended executions of the same operation and table, asked for only when the
     * ETA needs them (a running execution with less than a tenth done).
     */
    public static ExecutionView of(JobExecution e, Supplier<List<JobExecution>> earlier) {
        var p = e.getJobParameters();
        DiffPlan plan = plan(e);
        List<StepView> steps = new ArrayList<>();
        long doneBlocks = 0;
        for (StepExecution s : e.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId)).toList()) {
            double progress = -1;
            if (plan != null && s.getExecutionContext().containsKey(FrozenPlanPartitioner.PARTITION)) {
                int partition = s.getExecutionContext().getInt(FrozenPlanPartitioner.PARTITION);
                int first = plan.firstBlock(partition);
                int total = Math.max(1, plan.endBlock(partition) - first);
                int done = s.getExecutionContext().getInt(FrozenPlanPartitioner.NEXT_BLOCK, first) - first;
                progress = Math.min(1.0, done / (double) total);
                doneBlocks += done;
            }
            steps.add(new StepView(s.getId(), s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                    s.getCommitCount(), s.getRollbackCount(), between(s.getStartTime(), s.getEndTime()), progress,
                    s.getFailureExceptions().isEmpty() ? null : stackTrace(s.getFailureExceptions().get(0))));
        }
        double progress = e.isRunning() ? (plan == null || plan.blockCount() == 0 ? 0 : doneBlocks / (double) plan.blockCount()) : 1.0;
        Duration elapsed = between(e.getStartTime(), e.getEndTime());
        LocalDateTime eta = e.isRunning() && e.getStartTime() != null ? eta(e.getStartTime(), elapsed, progress, earlier) : null;
        RunOutcome outcome = e.isRunning() ? null : RunOutcome.of(e);
        return new ExecutionView(e, e.getJobInstance().getJobName(), p.getString("cluster", ""), p.getString("table", ""),
                p.getString("run_key", ""), outcome == null ? null : outcome.exitCode().code(), outcome == null ? null : outcome.message(),
                List.copyOf(p.parameters()), planView(plan), steps, progress, elapsed, eta,
                e.getExecutionContext().getLong(ReportTasklet.DIFF_TOTAL, 0L), ReportFile.written(e));
    }

    /** The diff file this execution wrote, or null. */
    public String diffFile() {
        return ReportFile.find(reports, ReportFile.DIFF_FILE);
    }

    /** The HTML report this execution wrote, or null. */
    public String htmlFile() {
        return ReportFile.find(reports, ReportFile.HTML_REPORT);
    }

    /**
     * From this run's own pace once it has done a tenth of the work; before that, from the median
     * duration of earlier completed runs of the same table.
     */
    private static LocalDateTime eta(LocalDateTime start, Duration elapsed, double progress, Supplier<List<JobExecution>> earlier) {
        if (progress >= 0.1) {
            return start.plus(Duration.ofMillis((long) (elapsed.toMillis() / progress)));
        }
        List<Duration> durations = earlier.get().stream().filter(x -> x.getStatus().name().equals("COMPLETED"))
                .map(x -> between(x.getStartTime(), x.getEndTime())).sorted().toList();
        return durations.isEmpty() ? null : start.plus(durations.get(durations.size() / 2));
    }

    private static DiffPlan plan(JobExecution e) {
        String json = e.getExecutionContext().getString(PlanCodec.KEY, null);
        return json == null ? null : PlanCodec.decode(json);
    }

    private static PlanView planView(DiffPlan plan) {
        if (plan == null) {
            return null;
        }
        List<String> ranges = new ArrayList<>();
        for (int p = 0; p < plan.partitionCount(); p++) {
            KeyRange first = plan.range(plan.firstBlock(p) * plan.rangesPerBlock());
            KeyRange last = plan.range(Math.min(plan.rangeCount(), plan.endBlock(p) * plan.rangesPerBlock()) - 1);
            ranges.add(bound(first.lower(), "start") + " .. " + bound(last.upper(), "end"));
        }
        return new PlanView(plan.partitionCount(), plan.blockCount(), plan.estimatedRows(), ranges);
    }

    private static String bound(List<String> key, String open) {
        return key == null ? "(" + open + ")" : "(" + String.join(", ", key) + ")";
    }

    static Duration between(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return Duration.ZERO;
        }
        return Duration.between(start, end == null ? LocalDateTime.now() : end);
    }

    /** An error as an operator reads it in the UI: its full stack trace. */
    public static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
