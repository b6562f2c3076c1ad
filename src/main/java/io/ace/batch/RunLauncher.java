package io.ace.batch;

import io.ace.AceException;
import io.ace.ExitCode;
import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.SessionBudget;
import io.ace.catalog.TableName;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.difffile.DiffFileCheck;
import io.ace.difffile.DiffFileReader;
import io.ace.report.ReportName;
import java.util.List;
import tools.jackson.databind.JsonNode;
import io.ace.diff.TablePreflight;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Launches runs with the run-key contract: the same key resumes a failed or stopped run, answers
 * "already completed" for a finished one, and recovers an execution left STARTED by a process
 * that no longer exists. Bad input fails before anything is recorded.
 */
public final class RunLauncher {

    private final JobOperator operator;
    private final JobRepository repository;
    private final TableDiffJobFactory tableDiff;
    private final RepairJobFactory repair;
    private final RerunJobFactory rerun;
    private final ClusterRegistry clusters;
    private final RunArchiver archiver;
    private final RunMetrics metrics;
    private final SessionBudget budget;
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();

    public RunLauncher(JobOperator operator, JobRepository repository, TableDiffJobFactory tableDiff, RepairJobFactory repair,
                       RerunJobFactory rerun, ClusterRegistry clusters, RunArchiver archiver, RunMetrics metrics, SessionBudget budget) {
        this.metrics = metrics;
        this.budget = budget;
        this.operator = operator;
        this.repository = repository;
        this.tableDiff = tableDiff;
        this.repair = repair;
        this.rerun = rerun;
        this.clusters = clusters;
        this.archiver = archiver;
    }

    /** Runs a launch to its end on this thread. */
    public RunOutcome launch(LaunchRequest request) throws Exception {
        return launch(request, execution -> { });
    }

    /**
     * Runs a launch to its end on this thread; {@code started} hears of the execution as soon as
     * it exists (so an asynchronous caller can answer with its id). Nothing is recorded when a
     * check fails first.
     */
    public RunOutcome launch(LaunchRequest request, Consumer<JobExecution> started) throws Exception {
        if (request instanceof TableDiffRequest diff) {
            diff.options().validate();
            return launch(diff, diff.options().nodes(), diff.options(), started,
                    (sessions, table) -> tableDiff.build(diff, sessions, table));
        }
        if (request instanceof TableRepairRequest repairRequest) {
            repairRequest.options().validate();
            List<String> nodes = diffNodes(repairRequest.diffFile(), repairRequest.table());
            String source = repairRequest.options().sourceOfTruth();
            if (source != null && !nodes.contains(source)) {
                throw AceException.config("--source-of-truth " + source + " is not one of the diff file's nodes (" + String.join(", ", nodes) + ")");
            }
            List<String> targets = nodes.stream().filter(n -> !n.equals(source)).toList();
            return launch(repairRequest, nodes, DiffOptions.defaults(), started,
                    (sessions, table) -> {
                        DiffFileCheck.check(repairRequest.diffFile(), sessions, table.shape());
                        return repair.build(repairRequest, sessions, table, targets);
                    });
        }
        TableRerunRequest rerunRequest = (TableRerunRequest) request;
        return launch(rerunRequest, diffNodes(rerunRequest.diffFile(), rerunRequest.table()), DiffOptions.defaults(), started,
                (sessions, table) -> {
                    DiffFileCheck.check(rerunRequest.diffFile(), sessions, table.shape());
                    return rerun.build(rerunRequest, sessions, table);
                });
    }

    /** Builds one launch's job on the sessions and table the launcher opened and checked. */
    @FunctionalInterface
    private interface JobBuild {
        Job build(ClusterSessions sessions, ComparedTable table);
    }

    /**
     * The one way every operation launches: answer from the repository when the run key is done
     * (or recover it), open the nodes, check the table, run the job, close the nodes, archive the reports.
     */
    private RunOutcome launch(LaunchRequest request, List<String> nodes, DiffOptions checks,
                              Consumer<JobExecution> started, JobBuild job) throws Exception {
        ReportName.writableDirectory(request.outputDir());
        JobParameters parameters = request.toJobParameters();
        Optional<RunOutcome> done = prepareInstance(request.operation(), parameters);
        if (done.isPresent()) {
            return done.get();
        }
        ClusterDefinition cluster = clusters.cluster(request.cluster());
        RunOutcome outcome;
        try (ClusterSessions sessions = new ClusterSessions(cluster, cluster.select(nodes), budget)) {
            ComparedTable table = new TablePreflight().check(sessions, request.table(), checks);
            Job built = job.build(sessions, table);
            ((AbstractJob) built).registerJobExecutionListener(new JobExecutionListener() {
                @Override
                public void beforeJob(JobExecution execution) {
                    runningHere.add(execution.getId());
                    started.accept(execution);
                }

                @Override
                public void afterJob(JobExecution execution) {
                    runningHere.remove(execution.getId());
                }
            });
            outcome = RunOutcome.of(operator.start(built, parameters));
        }
        metrics.runEnded(outcome);
        archiver.archive(outcome);
        return outcome;
    }

    /** The diff file's nodes, after checking that the file is whole and of this table. */
    private static List<String> diffNodes(java.nio.file.Path diffFile, TableName table) {
        JsonNode summary = new DiffFileReader(diffFile).summary();
        String schema = summary.path("schema").asString("");
        String name = summary.path("table").asString("");
        if (!schema.equals(table.schema()) || !name.equals(table.table())) {
            throw AceException.usage("diff file " + diffFile + " is of table " + schema + "." + name + ", not " + table);
        }
        List<String> nodes = new java.util.ArrayList<>();
        summary.path("nodes").forEach(n -> nodes.add(n.asString()));
        if (nodes.size() < 2) {
            throw AceException.usage("diff file " + diffFile + " names fewer than two nodes in summary.nodes");
        }
        return nodes;
    }

    /** The request an execution was launched with, rebuilt from its recorded parameters. */
    public static LaunchRequest recorded(JobExecution execution) {
        JobParameters p = execution.getJobParameters();
        return switch (execution.getJobInstance().getJobName()) {
            case TableDiffRequest.JOB_NAME -> TableDiffRequest.fromJobParameters(p);
            case TableRepairRequest.JOB_NAME -> TableRepairRequest.fromJobParameters(p);
            case TableRerunRequest.JOB_NAME -> TableRerunRequest.fromJobParameters(p);
            default -> throw AceException.usage("job execution " + execution.getId() + " is a " + execution.getJobInstance().getJobName()
                    + " job, which this version cannot restart");
        };
    }

    /** Empty when a launch should go ahead (new run, or resume); the outcome when there is nothing to do. */
    private Optional<RunOutcome> prepareInstance(String jobName, JobParameters parameters) {
        JobInstance instance = repository.getJobInstance(jobName, parameters);
        if (instance == null) {
            return Optional.empty();
        }
        JobExecution last = repository.getLastJobExecution(instance);
        if (last == null) {
            return Optional.empty();
        }
        BatchStatus status = last.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return Optional.of(new RunOutcome(last, ExitCode.ALREADY_COMPLETED, "run key '" + parameters.getString("run_key")
                    + "' already completed as job execution " + last.getId() + "; nothing to do"));
        }
        if (status == BatchStatus.ABANDONED) {
            throw new AceException(ExitCode.FAILED, "job execution " + last.getId() + " of run key '" + parameters.getString("run_key")
                    + "' was abandoned and cannot be resumed; launch with a new --run-key");
        }
        if (status.isRunning()) {
            if (alive(last)) {
                throw new AceException(ExitCode.FAILED, "run key '" + parameters.getString("run_key") + "' is running right now as job execution "
                        + last.getId() + " (process " + last.getExecutionContext().getString(TableDiffRun.OWNER_KEY, "?")
                        + "); wait for it or stop it with 'ace jobs stop " + last.getId() + "'");
            }
            // the process that ran it is gone (killed): mark it failed so it can be resumed
            operator.recover(last);
        }
        return Optional.empty();
    }

    /**
     * Whether a running execution's process still runs it: this process knows its own runs; another
     * process on this machine is checked by pid; another machine's is assumed alive (the operator
     * can abandon it).
     */
    public boolean alive(JobExecution execution) {
        if (runningHere.contains(execution.getId())) {
            return true;
        }
        String owner = execution.getExecutionContext().getString(TableDiffRun.OWNER_KEY, null);
        if (owner == null) {
            return false;
        }
        int colon = owner.lastIndexOf(':');
        String self = TableDiffRun.owner();
        if (!owner.substring(0, colon).equals(self.substring(0, self.lastIndexOf(':')))) {
            return true;
        }
        long pid = Long.parseLong(owner.substring(colon + 1));
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
