package io.ace.batch;

import io.ace.diff.ScanListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of the comparisons running in this process (rows, mismatches, throttling), for
 * the progress bar's message, the metrics and the run's facts; how much of a run is done is what
 * its steps report ({@link StepProgress}).
 */
public final class DiffProgress implements ScanListener {

    private final AtomicLong rowsChecked = new AtomicLong();
    private final AtomicLong mismatchedBlocks = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong hashStatements = new AtomicLong();
    private final AtomicLong pausedMillis = new AtomicLong();
    private volatile String pauseReason;
    private final RunMetrics metrics;

    public DiffProgress(RunMetrics metrics) {
        this.metrics = metrics;
    }

    /** A comparison starts: its counters from zero. */
    public void start() {
        rowsChecked.set(0);
        mismatchedBlocks.set(0);
        pauses.set(0);
        hashStatements.set(0);
        pausedMillis.set(0);
        pauseReason = null;
    }

    @Override
    public void hashStatement() {
        hashStatements.incrementAndGet();
    }

    /** Hashing statements run per node in this execution. */
    public long hashStatements() {
        return hashStatements.get();
    }

    /** Hashing waits, for {@code reason}; once per poll of the wait. */
    public void pausing(String reason) {
        if (pauseReason == null) {
            pauses.incrementAndGet();
        }
        pauseReason = reason;
    }

    /** Hashing goes on after waiting {@code millis}. */
    public void resumed(long millis) {
        pausedMillis.addAndGet(millis);
        pauseReason = null;
    }

    /** Why hashing waits right now, or null. */
    public String pauseReason() {
        return pauseReason;
    }

    public long pauses() {
        return pauses.get();
    }

    public long pausedMillis() {
        return pausedMillis.get();
    }

    public void blockDone(long rows, boolean mismatched) {
        metrics.blockCompared(rows, mismatched);
        rowsChecked.addAndGet(rows);
        if (mismatched) {
            mismatchedBlocks.incrementAndGet();
        }
    }

    public long rowsChecked() {
        return rowsChecked.get();
    }

    public long mismatchedBlocks() {
        return mismatchedBlocks.get();
    }
}
