package io.ace.batch;

import io.ace.diff.DiffPlan;
import io.ace.diff.KeyRange;
import io.ace.operation.RunIdentity;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * An execution as the command line, the UI and the API show it: what it is, where it stands
 * (the work its steps report, per step and summed per unit), when it should end and what it
 * wrote. Built from the job repository; holds none of its types.
 *
 * @param exitCode null while it runs
 * @param summary  the outcome line, null while it runs; see {@link #redacted()}
 * @param progress done fraction (0..1): 1 once completed, otherwise from {@code work}
 * @param work     the work its steps reported, summed per unit
 * @param eta      expected end, or null when unknown
 * @param publicSummary the outcome line without text from outside the tool
 * @param paused   why the run waits right now (a node over --max-load, ...), or null
 * @param dryRun   a dry run: it wrote nothing
 */
public record RunView(long id, long instanceId, String operation, String cluster, String target, String runKey, String status,
                      boolean running, Integer exitCode, String summary, List<Parameter> parameters, PlanView plan,
                      List<StepView> steps, double progress, RunProgress work, LocalDateTime startTime, LocalDateTime endTime,
                      Duration elapsed, LocalDateTime eta, long differences, List<ReportFile> reports, String publicSummary, String paused,
                      boolean dryRun) {

    /** A job parameter as recorded. */
    public record Parameter(String name, String value, boolean identifying) {
    }

    /** The frozen plan: its size, and each partition's key range. */
    public record PlanView(int partitions, int blocks, long estimatedRows, List<String> partitionRanges) {
    }

    /**
     * One step or partition.
     *
     * @param started  how long after the execution started this step started (zero when either has not)
     * @param progress done fraction of the step's work (0..1), or -1 for a step that reports none
     * @param work     the step's work, or null for a step that reports none
     * @param error    the first failure's stack trace, or null
     * @param worker   the worker process that ran a partition of a distributed run (and those it was taken from), or null
     */
    public record StepView(long id, String name, String status, long readCount, long writeCount, long commitCount,
                           long rollbackCount, Duration started, Duration duration, double progress, StepProgress work, String error,
                           String worker) {

        StepView redacted() {
            return new StepView(id, name, status, readCount, writeCount, commitCount, rollbackCount, started, duration, progress, work,
                    error == null ? null : error.lines().findFirst().map(RunView::kindOf).orElse("") + " (the cause is in the server log)",
                    worker);
        }
    }

    /**
     * This view for a web caller who is not an administrator: no text from outside the tool (a
     * node's error message, a stack trace) in the summary or the steps.
     */
    public RunView redacted() {
        return new RunView(id, instanceId, operation, cluster, target, runKey, status, running, exitCode, publicSummary, parameters, plan,
                steps.stream().map(StepView::redacted).toList(), progress, work, startTime, endTime, elapsed, eta, differences, reports,
                publicSummary, paused, dryRun);
    }

    /** The exception class of a stack trace's first line ({@code java.sql.SQLException: ...} gives {@code SQLException}). */
    private static String kindOf(String firstLine) {
        String type = firstLine.contains(":") ? firstLine.substring(0, firstLine.indexOf(':')) : firstLine;
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** This view with the worker of each partition that ran on one (step execution id to worker). */
    RunView withWorkers(java.util.Map<Long, String> workers) {
        if (workers.isEmpty()) {
            return this;
        }
        List<StepView> shown = steps.stream().map(s -> new StepView(s.id(), s.name(), s.status(), s.readCount(), s.writeCount(),
                s.commitCount(), s.rollbackCount(), s.started(), s.duration(), s.progress(), s.work(), s.error(), workers.get(s.id()))).toList();
        return new RunView(id, instanceId, operation, cluster, target, runKey, status, running, exitCode, summary, parameters, plan, shown,
                progress, work, startTime, endTime, elapsed, eta, differences, reports, publicSummary, paused, dryRun);
    }

    /**
     * The time left until the ETA, as a person reads it ({@code about 3 min 20 s left}), or null
     * without an ETA: a clock time misleads once it has passed.
     */
    public String remaining() {
        if (eta == null) {
            return null;
        }
        long seconds = Math.max(0, Duration.between(LocalDateTime.now(), eta).toSeconds());
        if (seconds == 0) {
            return "finishing (past its estimate)";
        }
        return "about " + (seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s") + " left";
    }

    /** The operation as lists name the run: {@code table-repair (dry run)} for a dry run. */
    public String label() {
        return dryRun ? operation + " (dry run)" : operation;
    }

    /** Failed or stopped: the same run key resumes it. */
    public boolean restartable() {
        return status.equals(BatchStatus.FAILED.name()) || status.equals(BatchStatus.STOPPED.name());
    }

    /** Ended without completing, and not yet abandoned. */
    public boolean abandonable() {
        return !running && !status.equals(BatchStatus.COMPLETED.name()) && !status.equals(BatchStatus.ABANDONED.name());
    }

    /** The diff file this execution wrote, or null. */
    public String diffFile() {
        return ReportFile.find(reports, ReportFile.DIFF_FILE);
    }

    /** The HTML report this execution wrote, or null. */
    public String htmlFile() {
        return ReportFile.find(reports, ReportFile.HTML_REPORT);
    }

    /** For lists: no ETA from earlier runs. */
    static RunView of(JobExecution e) {
        return of(e, List::of);
    }

    /**
     * {@code earlier}: durations of ended executions of the same operation and target, asked for
     * only when the ETA needs them (a running execution with less than a tenth done).
     */
    static RunView of(JobExecution e, Supplier<List<Duration>> earlier) {
        var p = e.getJobParameters();
        RunContext context = RunContext.of(e);
        DiffPlan plan = context.plan();
        List<StepView> steps = new ArrayList<>();
        for (StepExecution s : e.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId)).toList()) {
            StepProgress work = StepProgress.in(s.getExecutionContext());
            steps.add(new StepView(s.getId(), s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                    s.getCommitCount(), s.getRollbackCount(),
                    s.getStartTime() == null ? Duration.ZERO : between(e.getStartTime(), s.getStartTime()),
                    between(s.getStartTime(), s.getEndTime()),
                    work == null ? -1 : work.fraction(), work,
                    s.getFailureExceptions().isEmpty() ? null : stackTrace(s.getFailureExceptions().get(0)), null));
        }
        RunProgress work = RunProgress.of(e.getStepExecutions());
        double progress = e.getStatus() == BatchStatus.COMPLETED ? 1.0 : work.fraction();
        Duration elapsed = between(e.getStartTime(), e.getEndTime());
        LocalDateTime eta = e.isRunning() && e.getStartTime() != null ? eta(e.getStartTime(), elapsed, progress, earlier) : null;
        RunOutcome outcome = e.isRunning() ? null : RunOutcome.of(e);
        List<Parameter> parameters = p.parameters().stream()
                .map(x -> new Parameter(x.name(), String.valueOf(x.value()), x.identifying())).toList();
        RunIdentity identity = RunIdentity.of(p);
        return new RunView(e.getId(), e.getJobInstance().getInstanceId(), e.getJobInstance().getJobName(), identity.cluster(),
                identity.target(), identity.runKey(), e.getStatus().name(), e.isRunning(),
                outcome == null ? null : outcome.exitCode().code(), outcome == null ? null : outcome.message(), parameters,
                planView(plan), steps, progress, work, e.getStartTime(), e.getEndTime(), elapsed, eta, context.differences(),
                context.reports(), outcome == null ? null : outcome.publicMessage(), e.isRunning() ? paused(e) : null,
                context.isDryRun());
    }

    /** Why a running partition of the execution waits, as it recorded it ({@link HashingPause}), or null. */
    private static String paused(JobExecution e) {
        return e.getStepExecutions().stream().filter(s -> s.getStatus().isRunning())
                .map(s -> s.getExecutionContext().getString(HashingPause.REASON, null)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /**
     * From this run's own pace once it has done a tenth of the work; before that, from the median
     * duration of earlier completed runs of the same target.
     */
    private static LocalDateTime eta(LocalDateTime start, Duration elapsed, double progress, Supplier<List<Duration>> earlier) {
        if (progress >= 0.1) {
            return start.plus(Duration.ofMillis((long) (elapsed.toMillis() / progress)));
        }
        List<Duration> durations = earlier.get().stream().sorted().toList();
        return durations.isEmpty() ? null : start.plus(durations.get(durations.size() / 2));
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
    static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
