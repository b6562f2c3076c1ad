package io.ace.batch;

import io.ace.diff.DiffPlan;
import io.ace.difffile.Sha256;
import io.ace.exit.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a run records in its job's execution context for others to read: its outcome (summary
 * line, differences), the report files it wrote, who runs it, and the frozen plan. The only
 * place that knows the keys, so the launcher, the read models and every operation's steps agree.
 */
public final class RunContext {

    private static final String OWNER = "ace.owner";
    private static final String SUMMARY_LINE = "ace.summary";
    private static final String DIFFERENCES = "ace.diff.total";
    private static final String REPORTS = "ace.reports";
    private static final String DIFF_FILE_DIGESTS = "ace.reports.sha256";
    private static final String PLAN = "ace.plan";
    /** The execution the recorded outcome is of: a restart starts from a copy of its failed execution's context. */
    private static final String OUTCOME_OF = "ace.outcome.execution";
    private static final String EXIT_CODE = "ace.exit_code";
    private static final String DRY_RUN = "ace.dry_run";
    private static final String OUTCOME = "ace.outcome";
    private static final String PUBLIC_OUTCOME = "ace.outcome.public";

    private final ExecutionContext context;

    private RunContext(ExecutionContext context) {
        this.context = context;
    }

    public static RunContext of(JobExecution execution) {
        return new RunContext(execution.getExecutionContext());
    }

    /** Who runs the execution: {@code host:pid:launch}, see {@link #owner()}. */
    public String owner() {
        return context.getString(OWNER, null);
    }

    void owner(String owner) {
        context.putString(OWNER, owner);
    }

    /** Where the execution runs, as an operator reads it: {@code host H, process P}. */
    public String ownerProcess() {
        String owner = owner();
        if (owner == null) {
            return "owner not yet recorded";
        }
        String[] parts = owner.split(":");
        return "host " + parts[0] + ", process " + parts[1];
    }

    /** The one line an operator reads when the run has ended. */
    public String summaryLine() {
        return context.getString(SUMMARY_LINE, null);
    }

    public void summaryLine(String line) {
        context.putString(SUMMARY_LINE, line);
    }

    /** How a launch ended, as the process that ran it said it: its exit code and lines. */
    public record Recorded(ExitCode exitCode, String message, String publicMessage) {
    }

    /** The outcome the launch of execution {@code id} recorded when its job ended, or null (still running, or its process died). */
    Recorded outcome(long id) {
        if (!context.containsKey(EXIT_CODE) || context.getLong(OUTCOME_OF, -1L) != id) {
            return null;
        }
        int code = context.getInt(EXIT_CODE);
        ExitCode exit = ExitCode.of(code).orElse(ExitCode.FAILED);
        return new Recorded(exit, context.getString(OUTCOME, ""), context.getString(PUBLIC_OUTCOME, ""));
    }

    void outcome(RunOutcome outcome) {
        context.putLong(OUTCOME_OF, outcome.executionId());
        context.putInt(EXIT_CODE, outcome.exitCode().code());
        context.putString(OUTCOME, outcome.message());
        context.putString(PUBLIC_OUTCOME, outcome.publicMessage());
    }

    /** A dry run: it wrote nothing, and every list names it so. */
    public void dryRun() {
        context.putString(DRY_RUN, "true");
    }

    public boolean isDryRun() {
        return context.containsKey(DRY_RUN);
    }

    /** Rows that still differ when the run completed (0: in sync). */
    public long differences() {
        return context.getLong(DIFFERENCES, 0L);
    }

    public void differences(long count) {
        context.putLong(DIFFERENCES, count);
    }

    /** Every report file the run wrote, in the order written. */
    public List<ReportFile> reports() {
        List<ReportFile> files = new ArrayList<>();
        for (String line : context.getString(REPORTS, "").lines().toList()) {
            int tab = line.indexOf('\t');
            files.add(new ReportFile(line.substring(0, tab), Path.of(line.substring(tab + 1))));
        }
        return files;
    }

    /**
     * Records the report files the run wrote ({@link ReportFile} names the labels), replacing those
     * of an earlier attempt, and the sha256 of each diff file: a repair from this execution reads
     * the file only while it still has it.
     */
    public void reports(List<ReportFile> files) {
        StringBuilder recorded = new StringBuilder();
        StringBuilder digests = new StringBuilder();
        for (ReportFile f : files) {
            recorded.append(f.label()).append('\t').append(f.path().toAbsolutePath()).append('\n');
            if (f.label().equals(ReportFile.DIFF_FILE)) {
                digests.append(sha256(f.path())).append('\t').append(f.path().toAbsolutePath()).append('\n');
            }
        }
        context.putString(REPORTS, recorded.toString());
        context.putString(DIFF_FILE_DIGESTS, digests.toString());
    }

    /** The sha256 recorded for a diff file the run wrote, or null (not its file, or written before digests were recorded). */
    public String diffFileSha256(Path file) {
        String path = file.toAbsolutePath().toString();
        for (String line : context.getString(DIFF_FILE_DIGESTS, "").lines().toList()) {
            int tab = line.indexOf('\t');
            if (line.substring(tab + 1).equals(path)) {
                return line.substring(0, tab);
            }
        }
        return null;
    }

    private static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the diff file " + file + " the run wrote", e);
        }
    }

    /** The plan frozen by the run's first execution, or null before it is planned. */
    public DiffPlan plan() {
        String json = context.getString(PLAN, null);
        return json == null ? null : PlanCodec.decode(json);
    }

    public void plan(DiffPlan plan) {
        context.putString(PLAN, PlanCodec.encode(plan));
    }

    /**
     * The plan the run froze: this execution's, or else the one its first planned execution froze
     * (copied into this execution's context); null before the run has planned.
     */
    public static DiffPlan frozenPlan(JobExecution execution, JobRepository repository) {
        RunContext context = of(execution);
        if (context.plan() == null) {
            for (JobExecution earlier : repository.getJobExecutions(execution.getJobInstance())) {
                if (context.planFrom(of(earlier))) {
                    break;
                }
            }
        }
        return context.plan();
    }

    /** Copies the frozen plan from an earlier execution of the same run; false when it has none. */
    private boolean planFrom(RunContext earlier) {
        String json = earlier.context.getString(PLAN, null);
        if (json != null) {
            context.putString(PLAN, json);
        }
        return json != null;
    }

    /** This process as an owner: host and pid, and the launch, so two launchers in one process tell their runs apart. */
    static String ownerFor(String launch) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + launch;
    }
}
