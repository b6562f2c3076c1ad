package io.ace.batch.partition;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

/**
 * A worker process ({@code ace worker}): takes partition requests of its region from the channel,
 * claims each, runs its step as the manager's own threads would, and lets it go. It heartbeats
 * through the job repository; a partition taken from it (its heartbeat was late) is stopped at
 * its next block. Told to stop, it takes no more requests, stops its partitions after their current
 * block and hands them back, so other workers resume them.
 */
public final class WorkerProcess implements ApplicationListener<ContextClosedEvent>, Ordered, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);

    /**
     * @param pollInterval      how long an idle worker waits before asking the channel again
     * @param heartbeatInterval how often it renews its heartbeat
     * @param stopWait          how long a stopping worker waits for its partitions to stop after their current block
     * @param keepLaunches      how long it keeps a launch it rebuilt after the last of its partitions ran here
     */
    public record Settings(Duration pollInterval, Duration heartbeatInterval, Duration stopWait, Duration keepLaunches) {
    }

    /** How long rows of workers not heard of are kept, for the workers page. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final PartitionDispatch dispatch;
    private final WorkerRoster roster;
    private final PartitionStepSource source;
    private final Settings settings;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final Map<Long, StepExecution> running = new ConcurrentHashMap<>();
    private final List<Thread> consumers = new ArrayList<>();
    private ScheduledExecutorService heartbeat;
    private String id;
    private String region;

    WorkerProcess(PartitionDispatch dispatch, WorkerRoster roster, PartitionStepSource source, Settings settings) {
        this.dispatch = dispatch;
        this.roster = roster;
        this.source = source;
        this.settings = settings;
    }

    /**
     * Starts serving: records the worker ({@code host:pid:...}), starts {@code concurrency} threads
     * that each run one partition at a time, and the heartbeat.
     *
     * @param region the region whose partitions it takes, or null for those without one
     */
    public synchronized void start(String workerId, int concurrency, String region) {
        if (id != null) {
            throw new IllegalStateException("this process already serves as worker " + id);
        }
        this.id = workerId;
        this.region = region;
        roster.forget(FORGET_AFTER);
        roster.register(workerId, workerId.substring(0, workerId.indexOf(':')), ProcessHandle.current().pid(), region, concurrency);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ace-worker-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = settings.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        for (int i = 1; i <= concurrency; i++) {
            Thread t = new Thread(this::consume, "ace-worker-" + i);
            consumers.add(t);
            t.start();
        }
        LOG.info("worker {} serves partitions {} with {} threads", workerId, region == null ? "without a region" : "of region " + region,
                concurrency);
    }

    private void consume() {
        while (!stopping.get()) {
            PartitionRequest request;
            long asked = System.nanoTime();
            try {
                request = take();
            } catch (RuntimeException e) {
                LOG.warn("worker {}: cannot take a partition request: {}", id, e.getMessage());
                pause();
                continue;
            }
            if (request == null) {
                pause();
            } else {
                run(request, System.nanoTime() - asked);
            }
        }
    }

    /** The next request this worker claimed, in one transaction with taking it from the channel; null when there is none. */
    private PartitionRequest take() {
        return dispatch.transaction().execute(status -> {
            while (true) {
                PartitionRequest request = dispatch.channels().receive(region);
                if (request == null || dispatch.claims().claim(request, id)) {
                    return request;
                }
                // a request sent again while the first one was still in the channel (the partition is claimed or given up),
                // or one that matches no queued partition
            }
        });
    }

    /** Runs a claimed partition; {@code takeNanos}: how long taking it from the channel took, for the log. */
    private void run(PartitionRequest request, long takeNanos) {
        long stepId = request.stepExecutionId();
        StepExecution step = dispatch.repository().getStepExecution(stepId);
        if (step == null || step.getStatus() != BatchStatus.STARTING && step.getStatus() != BatchStatus.STARTED) {
            // its run was recovered or abandoned meanwhile
            LOG.info("worker {}: partition {} is no longer to run ({}); let go", id, stepId, step == null ? "gone" : step.getStatus());
            dispatch.claims().end(stepId, id);
            return;
        }
        long[] phases = {takeNanos, System.nanoTime(), 0, 0};
        PartitionFailure.clear(step.getExecutionContext());
        running.put(stepId, step);
        try (PartitionStepSource.Lease lease = source.lease(step, request.stepName())) {
            phases[2] = System.nanoTime();
            if (!stopping.get()) {
                execute(lease, step);
            }
            phases[3] = System.nanoTime();
        } catch (RuntimeException e) {
            // the launch cannot be rebuilt here (a node this worker cannot reach, a cluster it does not know): the partition fails, naming why
            failed(step, e);
        } finally {
            running.remove(stepId);
        }
        finish(step, phases);
    }

    /** Runs the step on the partition, as the manager's own threads would (the step records its outcome). */
    private void execute(PartitionStepSource.Lease lease, StepExecution step) {
        try {
            lease.step().execute(step);
        } catch (JobInterruptedException e) {
            step.setStatus(BatchStatus.STOPPED);
            dispatch.repository().update(step);
        }
    }

    private void failed(StepExecution step, RuntimeException e) {
        LOG.warn("worker {}: partition {} ({}) cannot run here: {}", id, step.getId(), step.getStepName(), e.getMessage());
        step.addFailureException(e);
        step.setStatus(BatchStatus.FAILED);
        step.setExitStatus(ExitStatus.FAILED.addExitDescription(e));
        step.setEndTime(LocalDateTime.now());
        dispatch.repository().update(step);
    }

    /**
     * Lets the partition go: handed back when this worker stops, recorded with its failure, or left
     * alone when it was taken away. {@code phases}: the take's duration, then when preparing, running
     * and letting go began (what the log reports of each partition's overhead).
     */
    private void finish(StepExecution step, long[] phases) {
        long stepId = step.getId();
        if (stopping.get() && step.getStatus() != BatchStatus.COMPLETED) {
            if (dispatch.requeue(stepId, id, id + " (stopped)")) {
                LOG.info("worker {}: partition {} ({}) handed back", id, stepId, step.getStepName());
            }
            return;
        }
        if (!dispatch.claims().holds(stepId, id)) {
            LOG.warn("worker {}: partition {} ({}) was taken from this worker (its heartbeat was late); another worker resumes it",
                    id, stepId, step.getStepName());
            return;
        }
        if (step.getStatus().isUnsuccessful()) {
            PartitionFailure.record(step);
            dispatch.repository().updateExecutionContext(step);
        }
        dispatch.claims().end(stepId, id);
        long ended = System.nanoTime();
        long letGo = ended - (phases[3] == 0 ? phases[1] : phases[3]);
        LOG.info("worker {}: partition {} ({}) {}: taken in {} ms, prepared in {} ms, ran {} ms, let go in {} ms", id, stepId,
                step.getStepName(), step.getStatus(), millis(phases[0]), millis(phases[2] == 0 ? 0 : phases[2] - phases[1]),
                millis(phases[3] == 0 ? 0 : phases[3] - phases[2]), millis(letGo));
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** Renews the heartbeat, stops partitions taken from this worker, and lets go of launches no longer used. */
    private void beat() {
        try {
            if (!roster.heartbeat(id)) {
                LOG.warn("worker {}: its row is gone from the job repository; it takes no more partitions", id);
                stop();
            }
            for (StepExecution step : running.values()) {
                if (!dispatch.claims().holds(step.getId(), id)) {
                    step.setTerminateOnly();
                }
            }
            source.expire(settings.keepLaunches());
        } catch (RuntimeException e) {
            LOG.warn("worker {}: heartbeat failed: {}", id, e.getMessage());
        }
    }

    private void pause() {
        try {
            stopSignal.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    /** Takes no more requests, and asks the partitions running here to stop after their current block. */
    private void stop() {
        if (stopping.compareAndSet(false, true)) {
            stopSignal.countDown();
            running.values().forEach(StepExecution::setTerminateOnly);
            if (id != null) {
                LOG.info("worker {} is stopping: its partitions stop after their current block and go back to the channel", id);
            }
        }
    }

    /** Waits at most {@code wait} for the partition threads to end. */
    private void awaitConsumers(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread t : consumers) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Before anything shuts down (the node statements are cancelled next): stop the partitions cleanly. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stop();
        awaitConsumers(settings.stopWait());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** While the repository is still open: the partitions that outlasted the wait are handed back once their statements were cancelled. */
    @Override
    public synchronized void close() {
        if (id == null) {
            return;
        }
        stop();
        awaitConsumers(settings.stopWait());
        heartbeat.shutdownNow();
        roster.stopped(id);
        LOG.info("worker {} stopped", id);
    }
}
