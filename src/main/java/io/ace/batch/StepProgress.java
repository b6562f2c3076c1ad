package io.ace.batch;

import java.util.Locale;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How much of its work a step has done, in its own unit. A partitioned step's partitions start
 * with it (the partitioner puts the total in each) and store it as they go, in their execution
 * context: it commits with the work it counts, so a restart resumes from it and every process
 * that reads the job repository sees it, whichever process ran the step.
 */
public record StepProgress(long done, long total, Unit unit) {

    /** What a step counts. */
    public enum Unit {
        BLOCKS, LEAVES, TABLES, NODES;

        /** As operators read it: {@code blocks}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String DONE = "ace.progress.done";
    private static final String TOTAL = "ace.progress.total";
    private static final String UNIT = "ace.progress.unit";

    public StepProgress {
        if (done < 0 || total < 0 || done > total || unit == null) {
            throw new IllegalArgumentException("progress " + done + " of " + total + " " + unit);
        }
    }

    /** Nothing done yet of {@code total}. */
    public static StepProgress of(long total, Unit unit) {
        return new StepProgress(0, total, unit);
    }

    /** What a step's context says it has done, or null for a step that reports none. */
    public static StepProgress in(ExecutionContext context) {
        if (!context.containsKey(UNIT)) {
            return null;
        }
        return new StepProgress(context.getLong(DONE), context.getLong(TOTAL), Unit.valueOf(context.getString(UNIT)));
    }

    /** This much done, of the same total. */
    public StepProgress at(long done) {
        return new StepProgress(done, total, unit);
    }

    /** All of it done. */
    public StepProgress finished() {
        return at(total);
    }

    /** Puts this in a step's context, to commit with the step's next chunk. */
    public void store(ExecutionContext context) {
        context.putLong(DONE, done);
        context.putLong(TOTAL, total);
        context.putString(UNIT, unit.name());
    }

    /** Done fraction (0..1); nothing to do is all done. */
    public double fraction() {
        return total == 0 ? 1.0 : done / (double) total;
    }

    /** The sum of two counts of the same unit. */
    StepProgress plus(StepProgress other) {
        return new StepProgress(done + other.done, total + other.total, unit);
    }

    /** {@code 1,200 of 3,000 blocks}. */
    public String text() {
        return String.format("%,d of %,d %s", done, total, unit.label());
    }
}
