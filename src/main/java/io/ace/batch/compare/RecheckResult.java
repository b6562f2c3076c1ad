package io.ace.batch.compare;

import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the re-check of a table's differing keys did, kept in a step's or job's context for its report.
 *
 * @param transientKeys keys that resolved (changes in flight)
 * @param seconds       how long the re-check took, waits included
 * @param laggingNodes  nodes whose subscribers had not caught up when the wait ended
 */
public record RecheckResult(long transientKeys, double seconds, List<String> laggingNodes) {

    private static final String TRANSIENT = "ace.transient";
    private static final String SECONDS = "ace.recheck.seconds";
    private static final String LAGGING = "ace.recheck.lagging";

    public static final RecheckResult NONE = new RecheckResult(0, 0, List.of());

    public void store(ExecutionContext context) {
        context.putLong(TRANSIENT, transientKeys);
        context.putDouble(SECONDS, seconds);
        context.putString(LAGGING, String.join(",", laggingNodes));
    }

    public static RecheckResult from(ExecutionContext context) {
        String lagging = context.getString(LAGGING, "");
        return new RecheckResult(context.getLong(TRANSIENT, 0L), context.getDouble(SECONDS, 0.0),
                lagging.isEmpty() ? List.of() : List.of(lagging.split(",")));
    }

    /** Whether a re-check has stored its result in this context. */
    public static boolean storedIn(ExecutionContext context) {
        return context.containsKey(TRANSIENT);
    }
}
