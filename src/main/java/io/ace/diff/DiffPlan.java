package io.ace.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The frozen key space of a comparison: sorted split keys cut it into blocks
 * {@code (-inf, s1), [s1, s2), ..., [sn, +inf)}, and consecutive blocks are grouped into
 * partitions. Computed once; a restart reuses it so it covers exactly the same key space.
 *
 * @param splits             split keys in key order, each the key's column values as text
 * @param blocksPerPartition blocks each partition hashes
 * @param estimatedRows      the row estimate the plan was made from
 */
public record DiffPlan(List<List<String>> splits, int blocksPerPartition, long estimatedRows) {

    /** Partitions per worker, so a slow partition does not leave the other workers idle. */
    static final int PARTITIONS_PER_WORKER = 4;
    /** Upper bound on blocks per partition: the work lost when a partition is interrupted. */
    static final int MAX_BLOCKS_PER_PARTITION = 16;

    public DiffPlan {
        splits = splits.stream().map(List::copyOf).toList();
    }

    public static DiffPlan of(List<List<String>> splits, int workers, long estimatedRows) {
        int blocks = splits.size() + 1;
        int partitions = Math.max(Math.min(blocks, workers * PARTITIONS_PER_WORKER),
                (blocks + MAX_BLOCKS_PER_PARTITION - 1) / MAX_BLOCKS_PER_PARTITION);
        return new DiffPlan(splits, (blocks + partitions - 1) / partitions, estimatedRows);
    }

    public int blockCount() {
        return splits.size() + 1;
    }

    public int partitionCount() {
        return (blockCount() + blocksPerPartition - 1) / blocksPerPartition;
    }

    public KeyRange block(int index) {
        return new KeyRange(index == 0 ? null : splits.get(index - 1), index == splits.size() ? null : splits.get(index));
    }

    public int firstBlock(int partition) {
        return partition * blocksPerPartition;
    }

    public int endBlock(int partition) {
        return Math.min(blockCount(), (partition + 1) * blocksPerPartition);
    }

    public List<KeyRange> blocks() {
        List<KeyRange> blocks = new ArrayList<>(blockCount());
        for (int i = 0; i < blockCount(); i++) {
            blocks.add(block(i));
        }
        return blocks;
    }
}
