package io.ace.batch;

import io.ace.catalog.TableName;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.exit.UserInput;
import io.ace.json.AceJson;
import io.ace.operation.LaunchRequest;
import io.ace.operation.OperationRegistry;
import io.ace.operation.RecordedDiffFile;
import io.ace.report.archive.ArchivedFile;
import io.ace.report.archive.ReportArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.ObjectWriter;

/**
 * Executions by id, from any process that shares the job repository: what they are, their
 * attempts and partitions, and the controls (stop, recover, abandon, and the request a restart
 * relaunches).
 */
public final class JobControl {

    /** Earlier runs the ETA of a running execution is estimated from. */
    private static final int ETA_RUNS = 20;
    private static final ObjectWriter PRETTY = AceJson.STATE.writerWithDefaultPrettyPrinter();

    /** One attempt (execution) of a run. */
    public record Attempt(long id, String status, LocalDateTime startTime, LocalDateTime endTime) {
    }

    /**
     * One partition or step of an execution, with what it recorded and how it fared on every attempt.
     *
     * @param context its execution context as indented JSON
     * @param errors  the stack trace of each failure
     */
    public record StepDetail(long executionId, RunView.StepView step, String context, List<String> errors, List<StepAttempt> attempts) {

        /** For a web caller who is not an administrator: failures by kind only. */
        public StepDetail redacted() {
            return new StepDetail(executionId, step.redacted(), context, errors.isEmpty() ? errors : List.of(step.redacted().error()),
                    attempts.stream().map(a -> new StepAttempt(a.executionId(), a.step().redacted())).toList());
        }
    }

    /** The same step in one execution of the run. */
    public record StepAttempt(long executionId, RunView.StepView step) {
    }

    private final JobRepository repository;
    private final JobOperator operator;
    private final RunLauncher launcher;
    private final RunQueries queries;
    private final OperationRegistry operations;
    private final ReportArchive archive;
    private final ReportsDirectory reports;

    public JobControl(JobRepository repository, JobOperator operator, RunLauncher launcher, RunQueries queries, OperationRegistry operations,
                      ReportArchive archive, ReportsDirectory reports) {
        this.reports = reports;
        this.repository = repository;
        this.archive = archive;
        this.operator = operator;
        this.launcher = launcher;
        this.queries = queries;
        this.operations = operations;
    }

    /** An execution as the UI and the command line show it, or a usage error naming the id. */
    public RunView view(long id) {
        return queries.one(id, ETA_RUNS).orElseThrow(() -> missing(id));
    }

    /** Every execution of the same run, oldest first. */
    public List<Attempt> attempts(long id) {
        return repository.getJobExecutions(execution(id).getJobInstance()).stream().sorted(Comparator.comparing(JobExecution::getId))
                .map(e -> new Attempt(e.getId(), e.getStatus().name(), e.getStartTime(), e.getEndTime())).toList();
    }

    /** One step of an execution, and the same step in every attempt of the run. */
    public StepDetail step(long id, long stepId) {
        JobExecution e = execution(id);
        StepExecution step = e.getStepExecutions().stream().filter(s -> s.getId() == stepId).findFirst()
                .orElseThrow(() -> AceException.usage("execution " + id + " has no step execution " + stepId));
        RunView view = RunView.of(e);
        RunView.StepView shown = view.steps().stream().filter(s -> s.id() == stepId).findFirst().orElseThrow();
        List<StepAttempt> attempts = repository.getJobExecutions(e.getJobInstance()).stream()
                .sorted(Comparator.comparing(JobExecution::getId))
                .flatMap(x -> RunView.of(x).steps().stream().filter(s -> s.name().equals(step.getStepName()))
                        .map(s -> new StepAttempt(x.getId(), s))).toList();
        return new StepDetail(id, shown, PRETTY.writeValueAsString(step.getExecutionContext().toMap()),
                step.getFailureExceptions().stream().map(RunView::stackTrace).toList(), attempts);
    }

    /** The request an execution was launched with, rebuilt from its recorded parameters: launching it resumes the run. */
    public LaunchRequest recordedRequest(long id) {
        JobExecution e = execution(id);
        String name = e.getJobInstance().getJobName();
        if (!operations.contains(name)) {
            throw AceException.usage("job execution " + id + " is a " + name + " job, which this version cannot restart");
        }
        LaunchRequest request = operations.get(name).request(e.getJobParameters());
        reports.require(request.outputDir(), "the output directory job execution " + id + " records",
                "resume the run with its command, --run-key " + UserInput.quoted(request.runKey()) + " and --output-dir");
        return request;
    }

    /**
     * The diff file an execution wrote, as the job repository recorded it, of {@code table} when it
     * wrote several (a run on many tables), with the sha256 the execution recorded for it and, when
     * the run is archived, the one its archive manifest lists: they must agree. A usage error when
     * it wrote none, the file is gone or no digest of it is known.
     */
    public RecordedDiffFile diffFileOf(long id, TableName table) {
        List<Path> files = view(id).reports().stream().filter(r -> r.label().equals(ReportFile.DIFF_FILE)).map(ReportFile::path).toList();
        if (files.size() > 1) {
            String prefix = table.schema() + "_" + table.table() + "_diffs-";
            files = files.stream().filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            if (files.isEmpty()) {
                throw AceException.usage("job execution " + id + " wrote no diff file of " + table + "; name a table that differed in it");
            }
        }
        if (files.isEmpty()) {
            throw AceException.usage("job execution " + id + " wrote no diff file; name an execution that found differences");
        }
        Path file = files.get(0);
        reports.require(file, "the diff file job execution " + id + " records", "name the diff file with --diff-file");
        if (!Files.isRegularFile(file)) {
            throw AceException.usage("the diff file of job execution " + id + " is no longer where it was written");
        }
        String recorded = RunContext.of(execution(id)).diffFileSha256(file);
        String archived = archive.entry(id).flatMap(e -> e.files().stream().filter(f -> f.name().equals(file.getFileName().toString()))
                .findFirst()).map(ArchivedFile::sha256).orElse(null);
        if (recorded != null && archived != null && !recorded.equals(archived)) {
            throw AceException.usage("job execution " + id + " recorded sha256 " + recorded + " for its diff file " + file
                    + ", its archive manifest " + archived + ": one of them was altered; nothing was done with the file");
        }
        if (recorded == null && archived == null) {
            throw AceException.usage("job execution " + id + " recorded no sha256 of its diff file " + file
                    + " and is not in the report archive, so the file cannot be proved unaltered; name it with --diff-file if you trust it");
        }
        return new RecordedDiffFile(file, recorded != null ? recorded : archived);
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
                    + RunContext.of(e).ownerProcess() + "; stop it instead");
        }
        operator.recover(e);
    }

    private JobExecution execution(long id) {
        JobExecution e;
        try {
            e = repository.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException missing) {
            // the JDBC repository answers an unknown id this way rather than with null
            e = null;
        }
        if (e == null) {
            throw missing(id);
        }
        return e;
    }

    private static AceException missing(long id) {
        return AceException.usage("no job execution " + id + " in the job repository ('ace jobs list' shows them)");
    }
}
