package io.ace.batch;

import io.ace.diff.ScanListener;
import java.util.concurrent.atomic.AtomicLong;

/** Live progress of the comparison running in this process, for progress bars and the UI. */
public final class DiffProgress implements ScanListener {

    private final AtomicLong totalBlocks = new AtomicLong();
    private final AtomicLong doneBlocks = new AtomicLong();
    private final AtomicLong rowsChecked = new AtomicLong();
    private final AtomicLong mismatchedBlocks = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong hashStatements = new AtomicLong();
    private final AtomicLong pausedMillis = new AtomicLong();
    private volatile String pauseReason;
    private volatile long doneAtStart;
    private final RunMetrics metrics;

    public DiffProgress(RunMetrics metrics) {
        this.metrics = metrics;
    }

    /** One more table of a run that compares many: its blocks join the total, those done before a restart the done. */
    public void addTable(long blocks, long alreadyDone) {
        totalBlocks.addAndGet(blocks);
        doneBlocks.addAndGet(alreadyDone);
    }

    public void start(long total, long alreadyDone) {
        totalBlocks.set(total);
        doneBlocks.set(alreadyDone);
        doneAtStart = alreadyDone;
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
        doneBlocks.incrementAndGet();
        rowsChecked.addAndGet(rows);
        if (mismatched) {
            mismatchedBlocks.incrementAndGet();
        }
    }

    /**
     * Blocks compared since the start by other processes (the workers of a distributed run), as the
     * repository counts them; only when the total is known here (a table-diff's plan; the tables of
     * a run on many tables are planned by the workers).
     */
    public void doneElsewhere(long blocks) {
        if (totalBlocks.get() > 0) {
            doneBlocks.set(doneAtStart + blocks);
        }
    }

    public long totalBlocks() {
        return totalBlocks.get();
    }

    public long doneBlocks() {
        return doneBlocks.get();
    }

    public long rowsChecked() {
        return rowsChecked.get();
    }

    public long mismatchedBlocks() {
        return mismatchedBlocks.get();
    }
}
