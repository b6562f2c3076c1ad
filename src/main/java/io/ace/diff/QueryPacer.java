package io.ace.diff;

/**
 * Sizes the hashing statements of a partition so each takes about a target time on production
 * nodes (short statements, frequent pause points), learning the cost per block from the last
 * statement. A target of zero means no pacing: one statement for everything that is left.
 */
final class QueryPacer {

    private final double targetSeconds;
    private int blocks = 1;

    QueryPacer(double targetSeconds) {
        this.targetSeconds = targetSeconds;
    }

    /** Blocks the next statement should cover. */
    int nextBlocks(int remaining) {
        return targetSeconds <= 0 ? remaining : Math.max(1, Math.min(remaining, blocks));
    }

    /** Records how long a statement over {@code covered} blocks took. */
    void observed(int covered, long nanos) {
        if (targetSeconds > 0 && covered > 0) {
            double perBlock = Math.max(1e-6, nanos / 1e9 / covered);
            // move halfway towards the estimate: one slow statement does not swing the size
            int estimate = (int) Math.max(1, Math.min(1_000_000, targetSeconds / perBlock));
            blocks = Math.max(1, (blocks + estimate) / 2);
        }
    }
}
