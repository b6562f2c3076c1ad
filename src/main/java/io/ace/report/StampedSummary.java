package io.ace.report;

/** A summary that ends with a {@link RunStamp} (runs on many tables, the replication configuration): its execution and run key are the stamp's. */
public interface StampedSummary extends Summary {

    RunStamp run();

    @Override
    default long jobExecutionId() {
        return run().jobExecutionId();
    }

    @Override
    default String runKey() {
        return run().runKey();
    }
}
