package io.ace.batch;

import io.ace.batch.partition.RemotePartitioning;
import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.SessionBudget;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.operation.LaunchRequest;
import io.ace.operation.LaunchedBy;
import io.ace.operation.Operation;
import io.ace.operation.OperationJob;
import io.ace.operation.OperationRegistry;
import io.ace.operation.RunIdentity;
import io.ace.report.ReportName;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Launches every operation with the run-key contract: the same key resumes a failed or stopped
 * run, answers "already completed" for a finished one, refuses while the run is alive in another
 * process, and recovers an execution left STARTED by a process that no longer exists. Bad input
 * fails before anything is recorded.
 */
public final class RunLauncher {

    /**
     * The launches running in this process, of every launcher in it: an execution whose owner is
     * this process is alive exactly while its launch is here.
     */
    private static final Set<String> RUNNING_LAUNCHES = ConcurrentHashMap.newKeySet();
    /**
     * The runs (job name and identifying parameters) a launch of this process is starting: from the
     * repository's answer until their execution exists, another launch of the same run is refused,
     * as the repository alone lets two racing launches each start an execution of one run.
     */
    private static final Set<String> STARTING_RUNS = ConcurrentHashMap.newKeySet();
    private static final DefaultJobKeyGenerator RUN_KEYS = new DefaultJobKeyGenerator();
    /** An execution not yet stamped with its owner is taken as alive this long after it was created. */
    private static final Duration STAMP_GRACE = Duration.ofMinutes(1);

    private final JobOperator operator;
    private final JobRepository repository;
    private final OperationRegistry operations;
    private final ClusterRegistry clusters;
    private final RunArchiver archiver;
    private final RunMetrics metrics;
    private final SessionBudget budget;
    private final FindingsRetention retention;
    private final RemotePartitioning partitioning;

    public RunLauncher(JobOperator operator, JobRepository repository, OperationRegistry operations, ClusterRegistry clusters,
                       RunArchiver archiver, RunMetrics metrics, SessionBudget budget, FindingsRetention retention,
                       RemotePartitioning partitioning) {
        this.retention = retention;
        this.operator = operator;
        this.repository = repository;
        this.operations = operations;
        this.clusters = clusters;
        this.archiver = archiver;
        this.metrics = metrics;
        this.budget = budget;
        this.partitioning = partitioning;
    }

    /** Runs a launch to its end on this thread. */
    public RunOutcome launch(LaunchRequest request, LaunchedBy by) throws Exception {
        return launch(request, by, id -> { });
    }

    /**
     * Runs a launch to its end on this thread; {@code started} hears the execution's id as soon as
     * it exists (so an asynchronous caller can answer with it). Nothing is recorded when a check
     * fails first.
     */
    public RunOutcome launch(LaunchRequest request, LaunchedBy by, LongConsumer started) throws Exception {
        return launch(operations.get(request.operation()), request, by, started);
    }

    /**
     * The one way every operation launches: its own checks, then the repository's answer when the
     * run key is done or alive elsewhere (or recovered), then the nodes, the job, and the archive.
     */
    private <R extends LaunchRequest> RunOutcome launch(Operation<R> operation, LaunchRequest any, LaunchedBy by, LongConsumer started)
            throws Exception {
        R request = operation.cast(any);
        ReportName.writableDirectory(request.outputDir());
        OperationJob.Needs needs = operation.job().prepare(request);
        JobParameters parameters = new JobParametersBuilder(operation.parameters(request))
                .addString(RunIdentity.LAUNCHED_BY, by.text(), false).toJobParameters();
        // a distributed run needs a repository its workers share
        partitioning.check(parameters);
        String run = operation.name() + ":" + RUN_KEYS.generateKey(parameters);
        if (!STARTING_RUNS.add(run)) {
            throw startingElsewhere(parameters);
        }
        JobExecution execution;
        try {
            Optional<RunOutcome> done = prepareInstance(operation.name(), parameters);
            if (done.isPresent()) {
                return done.get();
            }
            ClusterDefinition cluster = clusters.cluster(request.cluster());
            String launch = UUID.randomUUID().toString();
            try (ClusterSessions sessions = new ClusterSessions(cluster, needs.select(cluster), budget)) {
                Job job = operation.job().build(request, sessions);
                ((AbstractJob) job).registerJobExecutionListener(new Ownership(launch, run, started));
                ((AbstractJob) job).registerJobExecutionListener(retention);
                execution = operator.start(job, parameters);
            } catch (JobExecutionAlreadyRunningException | OptimisticLockingFailureException e) {
                // another process started the same run between the repository's answer and this start
                throw startingElsewhere(parameters);
            }
        } finally {
            STARTING_RUNS.remove(run);
        }
        RunOutcome outcome = RunOutcome.of(execution);
        // what later readers (jobs list, the UI, the API) show is what this process said and exited with
        RunContext.of(execution).outcome(outcome);
        repository.updateExecutionContext(execution);
        metrics.runEnded(execution, outcome);
        archiver.archive(execution, outcome, request.outputDir());
        return outcome;
    }

    private static RunInProgressException startingElsewhere(JobParameters parameters) {
        return new RunInProgressException("run key '" + parameters.getString(RunIdentity.RUN_KEY) + "' is being started by another launch right now;"
                + " follow that execution, or launch again once it has ended");
    }

    /** Stamps who runs an execution as soon as it exists, and knows it as running here until it ends. */
    private final class Ownership implements JobExecutionListener {
        private final String launch;
        private final String run;
        private final LongConsumer started;

        Ownership(String launch, String run, LongConsumer started) {
            this.launch = launch;
            this.run = run;
            this.started = started;
        }

        @Override
        public void beforeJob(JobExecution execution) {
            RUNNING_LAUNCHES.add(launch);
            RunContext.of(execution).owner(RunContext.ownerFor(launch));
            repository.updateExecutionContext(execution);
            // from now on the repository answers that the run is alive here
            STARTING_RUNS.remove(run);
            started.accept(execution.getId());
        }

        @Override
        public void afterJob(JobExecution execution) {
            RUNNING_LAUNCHES.remove(launch);
        }
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
        String runKey = parameters.getString(RunIdentity.RUN_KEY);
        BatchStatus status = last.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return Optional.of(RunOutcome.of(last, ExitCode.ALREADY_COMPLETED, "run key '" + runKey
                    + "' already completed as job execution " + last.getId() + "; nothing to do"));
        }
        if (status == BatchStatus.ABANDONED) {
            throw new AceException(ExitCode.FAILED, "job execution " + last.getId() + " of run key '" + runKey
                    + "' was abandoned and cannot be resumed; launch with a new --run-key");
        }
        if (status.isRunning()) {
            if (alive(last)) {
                // temporary: the same command succeeds once that run has ended
                throw new RunInProgressException("run key '" + runKey + "' is running right now as job execution "
                        + last.getId() + " (" + RunContext.of(last).ownerProcess() + "); wait for it to end, or stop it with 'ace jobs stop "
                        + last.getId() + "', then launch again");
            }
            // the process that ran it is gone (killed): mark it failed so it can be resumed
            operator.recover(last);
        }
        return Optional.empty();
    }

    /**
     * Whether a running execution's process still runs it: this process knows its own launches;
     * another process on this machine is checked by pid; another machine's is taken as alive (an
     * operator can stop or abandon it).
     */
    public boolean alive(JobExecution execution) {
        String[] owner = owner(execution);
        if (owner == null) {
            // a launch stamps its execution right after creating it: give a new one that moment
            LocalDateTime created = execution.getCreateTime();
            return created != null && created.isAfter(LocalDateTime.now().minus(STAMP_GRACE));
        }
        String[] self = RunContext.ownerFor("").split(":");
        if (!owner[0].equals(self[0])) {
            return true;
        }
        long pid = Long.parseLong(owner[1]);
        if (pid == ProcessHandle.current().pid()) {
            return owner.length > 2 && RUNNING_LAUNCHES.contains(owner[2]);
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String[] owner(JobExecution execution) {
        String owner = RunContext.of(execution).owner();
        return owner == null ? null : owner.split(":");
    }
}
