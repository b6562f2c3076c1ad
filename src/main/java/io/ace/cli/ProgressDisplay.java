package io.ace.cli;

import io.ace.batch.DiffProgress;
import io.ace.batch.RunProgress;
import io.ace.batch.RunQueries;
import io.ace.batch.StepProgress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr that follows the work a run's steps report to the job repository, in
 * the unit being worked on (a run that goes on to another unit gets a new bar), and names the
 * phase that follows the counted work (re-check, report); or nothing.
 */
abstract class ProgressDisplay implements AutoCloseable {

    private static final long POLL_MILLIS = 500;

    /** The run's execution exists: from now on the bar follows it. */
    abstract void follow(long executionId);

    @Override
    public abstract void close();

    static ProgressDisplay none() {
        return new ProgressDisplay() {
            @Override
            void follow(long executionId) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** {@code live}: this process's counters, for the message beside the bar (rows compared, or why hashing waits). */
    static ProgressDisplay bar(String task, RunQueries queries, DiffProgress live) {
        return new Bar(task, queries, live);
    }

    private static final class Bar extends ProgressDisplay {
        private final String task;
        private final RunQueries queries;
        private final DiffProgress live;
        // never interrupted: an interrupt in the middle of a read could close the embedded repository's file
        private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ace-progress");
            t.setDaemon(true);
            return t;
        });
        private volatile long execution = -1;
        private ProgressBar bar;
        private StepProgress.Unit unit;

        Bar(String task, RunQueries queries, DiffProgress live) {
            this.task = task;
            this.queries = queries;
            this.live = live;
            poller.scheduleWithFixedDelay(this::refresh, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        void follow(long executionId) {
            execution = executionId;
        }

        /** Only on the poller's thread, or once it has ended. */
        private void refresh() {
            if (execution < 0) {
                return;
            }
            RunProgress run;
            try {
                run = queries.progress(execution);
            } catch (RuntimeException e) {
                // the bar is only a view of the run: a read that fails leaves it as it was
                return;
            }
            StepProgress work = run.current();
            if (work == null) {
                return;
            }
            if (work.unit() != unit) {
                if (bar != null) {
                    bar.close();
                }
                // the console consumer passes the terminal's width to the line
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(1).setRenderer(new ProgressLine(work.unit().label()))
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(250).continuousUpdate().build();
                unit = work.unit();
            }
            bar.maxHint(Math.max(1, work.total()));
            bar.stepTo(work.done());
            String paused = live.pauseReason();
            bar.setExtraMessage(paused != null ? "paused: " + paused
                    : work.done() == work.total() && run.phase() != null ? "now: " + run.phase()
                    : live.rowsChecked() > 0 ? compact(live.rowsChecked()) + " rows, " + live.mismatchedBlocks() + " mismatched" : "");
        }

        /** {@code 950}, {@code 102k}, {@code 1.7M}: a count the line can afford. */
        private static String compact(long n) {
            return n < 10_000 ? String.valueOf(n) : n < 1_000_000 ? n / 1000 + "k" : String.format(java.util.Locale.ROOT, "%.1fM", n / 1e6);
        }

        @Override
        public void close() {
            poller.shutdown();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            refresh();
            if (bar != null) {
                bar.close();
            }
        }
    }
}
