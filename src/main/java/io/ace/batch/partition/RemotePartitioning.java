package io.ace.batch.partition;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.operation.DistributedOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;

/**
 * The manager's side of remote partitioning: whether a run's partitions go to workers, and, for
 * those that do, sending their requests and waiting for them by polling the job repository. A
 * partition whose worker stopped heartbeating for longer than the worker timeout is taken back and
 * sent again (another worker resumes it after its last committed block); partitions of a region
 * no live worker serves for that long end FAILED, so the run fails and its run key resumes it.
 */
public final class RemotePartitioning {

    private static final Logger LOG = LoggerFactory.getLogger(RemotePartitioning.class);

    /**
     * @param remoteByDefault  {@code ace.partitioning=remote}: partitioned runs go to workers without {@code --distributed}
     * @param sharedRepository whether the job repository is one workers on other machines can share (PostgreSQL)
     * @param pollInterval     how often the manager reads its partitions' state
     * @param workerTimeout    how long a worker may go without a heartbeat before it is taken for lost
     */
    public record Settings(boolean remoteByDefault, boolean sharedRepository, Duration pollInterval, Duration workerTimeout) {
    }

    private final PartitionDispatch dispatch;
    private final WorkerRoster roster;
    private final Settings settings;

    RemotePartitioning(PartitionDispatch dispatch, WorkerRoster roster, Settings settings) {
        this.dispatch = dispatch;
        this.roster = roster;
        this.settings = settings;
    }

    /** Whether a run's partitions go to workers: it is of a partitioned operation, and asked for them or the default says so. */
    public boolean wanted(JobParameters parameters) {
        return parameters.getString(DistributedOption.PARAMETER) != null && (DistributedOption.read(parameters) || settings.remoteByDefault());
    }

    /** Whether the job repository is one workers on other machines can share. */
    public boolean sharedRepository() {
        return settings.sharedRepository();
    }

    /** A configuration error (exit 78) when a run wants workers and the job repository cannot be shared with them. */
    public void check(JobParameters parameters) {
        if (wanted(parameters) && !settings.sharedRepository()) {
            throw AceException.config("a distributed run (--distributed, or ace.partitioning=remote) needs a PostgreSQL job repository"
                    + " that the workers share, and this one is the embedded H2 file: set ACE_REPOSITORY_URL (and ACE_REPOSITORY_USER,"
                    + " ACE_REPOSITORY_PASSWORD) for this command and for every 'ace worker', or run without --distributed");
        }
    }

    /** Runs a manager step's partitions on workers and answers them as they ended, as a local run's would be. */
    Collection<StepExecution> run(StepExecutionSplitter splitter, StepExecution manager, String workerStep,
                                  Function<StepExecution, String> region) throws Exception {
        Set<StepExecution> partitions = splitter.split(manager, 1);
        if (partitions.isEmpty()) {
            return partitions;
        }
        List<PartitionClaims.Claim> claims = partitions.stream()
                .map(p -> new PartitionClaims.Claim(p.getId(), workerStep, region.apply(p))).toList();
        long started = System.nanoTime();
        dispatch.send(manager.getJobExecutionId(), claims);
        LOG.info("job execution {}: sent {} partitions of {} to workers in {} ms", manager.getJobExecutionId(), partitions.size(),
                workerStep, (System.nanoTime() - started) / 1_000_000);
        Map<Long, StepExecution> byId = partitions.stream().collect(Collectors.toMap(StepExecution::getId, Function.identity()));
        await(manager.getJobExecutionId(), byId);
        byId.values().forEach(this::refresh);
        return partitions;
    }

    /** Polls until every partition ended, taking back those of lost workers and giving up those no live worker can take. */
    private void await(long jobExecutionId, Map<Long, StepExecution> partitions) throws InterruptedException {
        Map<String, OffsetDateTime> lastServed = new HashMap<>();
        while (true) {
            PartitionClaims.Watch watch = dispatch.claims().watch(jobExecutionId);
            List<PartitionClaims.Watched> open = watch.partitions().stream()
                    .filter(p -> partitions.containsKey(p.stepExecutionId()) && !ended(p, watch.now())).toList();
            if (open.isEmpty()) {
                return;
            }
            OffsetDateTime lost = watch.now().minus(settings.workerTimeout());
            for (PartitionClaims.Watched p : open) {
                if (p.state() == PartitionClaims.State.RUNNING && !alive(p, lost)) {
                    if (dispatch.requeue(p.stepExecutionId(), p.workerId(), p.workerId() + " (lost)")) {
                        LOG.warn("job execution {}: worker {} stopped heartbeating; partition {} is sent again", jobExecutionId,
                                p.workerId(), p.stepExecutionId());
                    }
                }
            }
            if (BatchStatus.STOPPING.name().equals(watch.jobStatus())) {
                abandonQueued(open, p -> true, BatchStatus.STOPPED, new IllegalStateException("the run was stopped before a worker took it"));
            }
            Set<String> served = roster.all().stream().filter(w -> w.alive(settings.workerTimeout())).map(w -> key(w.region()))
                    .collect(Collectors.toSet());
            for (String region : open.stream().map(p -> key(p.region())).distinct().toList()) {
                if (served.contains(region)) {
                    lastServed.put(region, watch.now());
                } else if (lastServed.computeIfAbsent(region, r -> watch.now()).isBefore(lost)) {
                    abandonQueued(open, p -> key(p.region()).equals(region), BatchStatus.FAILED, new AceException(ExitCode.FAILED,
                            "no live worker " + (region.isEmpty() ? "without a region" : "of region " + region) + " for "
                                    + settings.workerTimeout().toSeconds() + " s to take its partitions: start one (scripts/ace worker"
                                    + (region.isEmpty() ? "" : " --region " + region) + ")"));
                }
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }

    /** Ended: its worker let it go, it was given up, or its worker ended its step and was lost before saying so. */
    private boolean ended(PartitionClaims.Watched p, OffsetDateTime now) {
        return p.state() == PartitionClaims.State.ENDED || p.state() == PartitionClaims.State.ABANDONED
                || p.state() == PartitionClaims.State.RUNNING && !BatchStatus.valueOf(p.stepStatus()).isRunning()
                && !alive(p, now.minus(settings.workerTimeout()));
    }

    private static boolean alive(PartitionClaims.Watched p, OffsetDateTime lost) {
        return !p.workerStopped() && p.heartbeat() != null && p.heartbeat().isAfter(lost);
    }

    private void abandonQueued(List<PartitionClaims.Watched> open, Predicate<PartitionClaims.Watched> which,
                               BatchStatus status, RuntimeException why) {
        List<Long> abandoned = new ArrayList<>();
        for (PartitionClaims.Watched p : open) {
            if (p.state() == PartitionClaims.State.QUEUED && which.test(p) && dispatch.abandon(p.stepExecutionId(), status, why)) {
                abandoned.add(p.stepExecutionId());
            }
        }
        if (!abandoned.isEmpty()) {
            LOG.warn("partitions {} end {}: {}", abandoned, status, why.getMessage());
        }
    }

    /** The partition as its worker left it in the repository, with its failure as the worker saw it. */
    private void refresh(StepExecution partition) {
        StepExecution ended = dispatch.repository().getStepExecution(partition.getId());
        partition.setVersion(ended.getVersion());
        partition.setStatus(ended.getStatus());
        partition.setExitStatus(ended.getExitStatus());
        partition.setStartTime(ended.getStartTime());
        partition.setEndTime(ended.getEndTime());
        partition.setLastUpdated(ended.getLastUpdated());
        partition.setReadCount(ended.getReadCount());
        partition.setWriteCount(ended.getWriteCount());
        partition.setCommitCount(ended.getCommitCount());
        partition.setRollbackCount(ended.getRollbackCount());
        partition.setFilterCount(ended.getFilterCount());
        partition.setReadSkipCount(ended.getReadSkipCount());
        partition.setWriteSkipCount(ended.getWriteSkipCount());
        partition.setProcessSkipCount(ended.getProcessSkipCount());
        partition.setExecutionContext(ended.getExecutionContext());
        PartitionFailure.restore(partition);
    }

    /** Regions as map keys: none is the empty string. */
    private static String key(String region) {
        return Objects.requireNonNullElse(region, "");
    }
}
