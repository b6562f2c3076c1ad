package io.ace.batch;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Where a partition of a frozen plan stands, in its step's execution context: which partition it
 * is and the next block it compares. Committed with each block, so a restart resumes after the
 * last committed block.
 */
public final class PartitionPosition {

    private static final String PARTITION = "partition";
    private static final String NEXT_BLOCK = "next.block";

    private PartitionPosition() {
    }

    /** The context of a partition that has compared nothing yet. */
    public static ExecutionContext start(int partition, int firstBlock) {
        ExecutionContext context = new ExecutionContext();
        context.putInt(PARTITION, partition);
        context.putInt(NEXT_BLOCK, firstBlock);
        return context;
    }

    /** Whether a step's context is a plan partition's. */
    public static boolean isPartition(ExecutionContext context) {
        return context.containsKey(PARTITION);
    }

    public static int partition(ExecutionContext context) {
        return context.getInt(PARTITION);
    }

    public static int nextBlock(ExecutionContext context, int otherwise) {
        return context.getInt(NEXT_BLOCK, otherwise);
    }

    public static void advance(ExecutionContext context, int nextBlock) {
        context.putInt(NEXT_BLOCK, nextBlock);
    }
}
