package io.ace.batch;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.operation.LaunchRequest;
import io.ace.operation.LaunchedBy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Launches runs in the background for callers that answer at once (the UI, the API, the
 * scheduler): each launch gets its own thread, and the caller learns the execution id as soon as
 * the job has started, or the error or "already completed" answer when it never does. At most
 * {@code maxRuns} work at once ({@link RunAdmission}: a run paused by its throttle lets another
 * work): a web launch beyond that is refused (retry later), a scheduled one waits its turn in the
 * queue.
 */
public final class RunSubmitter implements AutoCloseable {

    /** How long a caller waits for a launch's checks (cluster, nodes, table) before it gives up waiting. */
    public static final long DEFAULT_START_WAIT_SECONDS = 60;

    /** How many launches work, are paused by their throttle and wait now, and the most that work at once. */
    public record Load(int running, int paused, int queued, int maxRuns) {
    }

    private final RunLauncher launcher;
    private final ExecutorService threads;
    private final int maxRuns;
    private final RunAdmission admission;
    private final AtomicInteger queued = new AtomicInteger();

    /** @param maxPaused how many runs paused by their throttle may wait without a slot (0: a paused run keeps its slot) */
    public RunSubmitter(RunLauncher launcher, int maxRuns, int maxPaused) {
        if (maxRuns < 1) {
            throw AceException.config("ace.serve.max-runs must be at least 1, got " + maxRuns);
        }
        if (maxPaused < 0) {
            throw AceException.config("ace.serve.max-paused-runs must be 0 or more, got " + maxPaused);
        }
        this.launcher = launcher;
        this.maxRuns = maxRuns;
        this.admission = new RunAdmission(maxRuns, maxPaused);
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ace-run-" + n.incrementAndGet());
            t.setDaemon(false);
            return t;
        });
    }

    /** A launch under way: {@code started} completes with the execution's id, {@code finished} with the outcome. */
    public record Submission(LaunchRequest request, CompletableFuture<Long> started, CompletableFuture<RunOutcome> finished) {

        /**
         * The started execution's id, or the answer of a launch that ended without one: the id of
         * an already completed run (exit 4), or the launch's error as an {@link AceException}.
         */
        public long awaitStart(long seconds) {
            try {
                return started.get(seconds, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof AceException ace ? ace
                        : new AceException(ExitCode.FAILED, "launch failed", e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new AceException(ExitCode.UNREACHABLE, "the launch's checks did not finish within " + seconds
                        + " s (a node may be slow to answer); it goes on in the background");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AceException(ExitCode.FAILED, "interrupted while waiting for the launch");
            }
        }
    }

    public Load load() {
        return new Load(admission.working(), admission.paused(), queued.get(), maxRuns);
    }

    /** Launches now, or refuses (exit 75, retry later) when {@code maxRuns} launches are running. */
    public Submission submitNow(LaunchRequest request, LaunchedBy by) {
        RunAdmission.Ticket ticket = admission.tryEnter();
        if (ticket == null) {
            throw new RunsBusyException(maxRuns);
        }
        return start(request, by, ticket);
    }

    /** Launches when one of the {@code maxRuns} slots is free; until then the launch waits in the queue. */
    public Submission submit(LaunchRequest request, LaunchedBy by) {
        queued.incrementAndGet();
        return start(request, by, null);
    }

    /** Launches on a thread of its own, with {@code admitted}, or once admitted when null. */
    private Submission start(LaunchRequest request, LaunchedBy by, RunAdmission.Ticket admitted) {
        CompletableFuture<Long> started = new CompletableFuture<>();
        CompletableFuture<RunOutcome> finished = new CompletableFuture<>();
        Submission submission = new Submission(request, started, finished);
        threads.execute(() -> {
            RunAdmission.Ticket ticket = admitted;
            try {
                if (ticket == null) {
                    try {
                        ticket = admission.enter();
                    } finally {
                        queued.decrementAndGet();
                    }
                }
                ticket.onThisThread();
                RunOutcome outcome = launcher.launch(request, by, started::complete);
                // finished first: a caller woken by started may ask whether the launch already ended
                finished.complete(outcome);
                started.complete(outcome.executionId());
            } catch (Throwable t) {
                finished.completeExceptionally(t);
                started.completeExceptionally(t);
            } finally {
                if (ticket != null) {
                    ticket.close();
                }
            }
        });
        return submission;
    }

    /** Waits for every launch of this process to end (after they were asked to stop). */
    @Override
    public void close() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(5, TimeUnit.MINUTES);
    }
}
