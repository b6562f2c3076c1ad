package io.ace.cli;

import io.ace.batch.DiffProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr that follows the running comparison, or nothing. */
abstract class ProgressDisplay implements AutoCloseable {

    @Override
    public abstract void close();

    static ProgressDisplay none() {
        return new ProgressDisplay() {
            @Override
            public void close() {
            }
        };
    }

    static ProgressDisplay bar(String task, DiffProgress progress) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(1).setUnit(" blocks", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250).continuousUpdate().build();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                bar.maxHint(Math.max(1, progress.totalBlocks()));
                bar.stepTo(progress.doneBlocks());
                String paused = progress.pauseReason();
                bar.setExtraMessage(paused != null ? "paused: " + paused
                        : String.format("%,d rows, %d mismatched", progress.rowsChecked(), progress.mismatchedBlocks()));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "ace-progress");
        poller.setDaemon(true);
        poller.start();
        return new ProgressDisplay() {
            @Override
            public void close() {
                poller.interrupt();
                bar.stepTo(progress.doneBlocks());
                bar.close();
            }
        };
    }
}
