package io.ace.batch;

import io.ace.diff.KeyRange;
import io.ace.diff.PartitionScan;
import java.util.List;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A partition's wait before hashing (a node over {@code --max-load} or {@code --max-lag}, or, in
 * serve, no free run slot), taken one poll per chunk: the tasklet commits after each poll, so a
 * stop ({@code ace jobs stop}, the UI's Stop) is seen within a second, and the partition's
 * context says why it waits to every reader of the repository (execution page, API, dashboard).
 */
public final class HashingPause {

    /** Why the partition waits; absent while it works. */
    public static final String REASON = "paused";
    /** When the wait began, as {@code STEP_EXECUTION_ID:EPOCH_MILLIS}: a restarted partition inherits its context, not its wait. */
    private static final String SINCE = "paused_since";
    private static final long POLL_MILLIS = 1_000;

    private HashingPause() {
    }

    /**
     * Whether the partition must wait before comparing {@code block}: then it has waited one poll
     * and recorded why, and the tasklet returns {@code CONTINUABLE} without comparing.
     */
    public static boolean before(StepExecution step, PartitionScan scan, List<KeyRange> block, DiffProgress progress) throws Exception {
        ExecutionContext context = step.getExecutionContext();
        String reason = scan.pauseReason(block);
        if (reason == null && !RunAdmission.proceeding(POLL_MILLIS)) {
            reason = "every run slot of serve is taken (ace.serve.max-runs)";
        }
        String own = step.getId() + ":";
        String since = context.containsKey(SINCE) ? context.getString(SINCE) : "";
        if (reason == null) {
            if (since.startsWith(own)) {
                progress.resumed(System.currentTimeMillis() - Long.parseLong(since.substring(own.length())));
            }
            context.remove(SINCE);
            context.remove(REASON);
            return false;
        }
        if (!since.startsWith(own)) {
            context.putString(SINCE, own + System.currentTimeMillis());
        }
        context.putString(REASON, reason);
        progress.pausing(reason);
        // a paused run of serve lends its slot to another run while it waits
        RunAdmission.pausing();
        Thread.sleep(POLL_MILLIS);
        return true;
    }
}
