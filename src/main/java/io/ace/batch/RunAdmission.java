package io.ace.batch;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Which of serve's runs may work: at most {@code maxRuns} at once. A run whose hashing waits for
 * its nodes ({@code --max-load}, {@code --max-lag}) gives its slot to another run while it waits,
 * as long as fewer than {@code maxPaused} runs are paused that way (each still holds its node
 * sessions, so they are bounded too); before any of its partitions hashes again it takes a slot
 * back, waiting for one like a scheduled launch. A run launched outside serve has no ticket and
 * is not counted.
 */
public final class RunAdmission {

    /** The ticket of the run this thread works for; partition threads inherit it from the run's thread. */
    private static final InheritableThreadLocal<Ticket> CURRENT = new InheritableThreadLocal<>();

    private final Semaphore working;
    private final Semaphore paused;
    private final int maxRuns;
    private final int maxPaused;

    public RunAdmission(int maxRuns, int maxPaused) {
        this.maxRuns = maxRuns;
        this.maxPaused = maxPaused;
        this.working = new Semaphore(maxRuns, true);
        this.paused = new Semaphore(maxPaused, true);
    }

    /** A working slot now, or null when every slot is taken. */
    Ticket tryEnter() {
        return working.tryAcquire() ? new Ticket() : null;
    }

    /** A working slot, once one is free. */
    Ticket enter() throws InterruptedException {
        working.acquire();
        return new Ticket();
    }

    /** Runs holding a working slot. */
    int working() {
        return maxRuns - working.availablePermits();
    }

    /** Runs paused by their throttle without a slot. */
    int paused() {
        return maxPaused - paused.availablePermits();
    }

    /** The run this thread works for gives its slot up while its throttle waits (called at every poll of the wait). */
    static void pausing() {
        Ticket ticket = CURRENT.get();
        if (ticket != null) {
            ticket.pause();
        }
    }

    /**
     * The run this thread works for is about to hash: whether it holds a slot, taking one back
     * within {@code waitMillis} if it gave its own up. A caller told no waits and asks again,
     * so that a stop is seen meanwhile.
     */
    static boolean proceeding(long waitMillis) throws InterruptedException {
        Ticket ticket = CURRENT.get();
        return ticket == null || ticket.proceed(waitMillis);
    }

    /** One admitted run's hold on a slot, a working one or, while its throttle waits, a paused one. */
    final class Ticket implements AutoCloseable {

        private boolean holdsWorking = true;
        private boolean holdsPaused;

        /** Makes this the ticket of the current thread and the threads it starts, until closed. */
        Ticket onThisThread() {
            CURRENT.set(this);
            return this;
        }

        synchronized void pause() {
            if (holdsWorking && paused.tryAcquire()) {
                holdsWorking = false;
                holdsPaused = true;
                working.release();
            }
        }

        synchronized boolean proceed(long waitMillis) throws InterruptedException {
            if (!holdsWorking) {
                if (!working.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    return false;
                }
                holdsWorking = true;
                holdsPaused = false;
                paused.release();
            }
            return true;
        }

        @Override
        public synchronized void close() {
            CURRENT.remove();
            if (holdsWorking) {
                working.release();
            }
            if (holdsPaused) {
                paused.release();
            }
            holdsWorking = false;
            holdsPaused = false;
        }
    }
}
