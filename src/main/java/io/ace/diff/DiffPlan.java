package io.ace.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The frozen key space of a comparison. Sorted split keys cut it into ranges
 * {@code (-inf, s1), [s1, s2), ..., [sn, +inf)}; consecutive ranges form a block (about
 * {@code --block-size} rows, hashed by one statement per node that returns one hash per range),
 * and consecutive blocks form a partition. Computed once: a restart reuses it, so it covers
 * exactly the same key space.
 *
 * @param splits             split keys in key order, each the key's column values as text
 * @param rangesPerBlock     ranges hashed together as one block
 * @param blocksPerPartition blocks each partition compares
 * @param estimatedRows      the row estimate the plan was made from
 */
public record DiffPlan(List<List<String>> splits, int rangesPerBlock, int blocksPerPartition, long estimatedRows) {

    /** Partitions per worker, so a slow partition does not leave the other workers idle. */
    static final int PARTITIONS_PER_WORKER = 4;
    /** Upper bound on blocks per partition: the work lost when a partition is interrupted. */
    static final int MAX_BLOCKS_PER_PARTITION = 16;

    public DiffPlan {
        splits = splits.stream().map(List::copyOf).toList();
    }

    public static DiffPlan of(List<List<String>> splits, int rangesPerBlock, int workers, long estimatedRows) {
        int blocks = (splits.size() + rangesPerBlock) / rangesPerBlock;
        int partitions = Math.max(Math.min(blocks, workers * PARTITIONS_PER_WORKER),
                (blocks + MAX_BLOCKS_PER_PARTITION - 1) / MAX_BLOCKS_PER_PARTITION);
        return new DiffPlan(splits, rangesPerBlock, (blocks + partitions - 1) / partitions, estimatedRows);
    }

    public int rangeCount() {
        return splits.size() + 1;
    }

    public int blockCount() {
        return (rangeCount() + rangesPerBlock - 1) / rangesPerBlock;
    }

    public int partitionCount() {
        return (blockCount() + blocksPerPartition - 1) / blocksPerPartition;
    }

    public KeyRange range(int index) {
        return new KeyRange(index == 0 ? null : splits.get(index - 1), index == splits.size() ? null : splits.get(index));
    }

    /** The ranges of one block, in key order. */
    public List<KeyRange> block(int block) {
        List<KeyRange> ranges = new ArrayList<>(rangesPerBlock);
        for (int r = block * rangesPerBlock; r < Math.min(rangeCount(), (block + 1) * rangesPerBlock); r++) {
            ranges.add(range(r));
        }
        return ranges;
    }

    /** Blocks {@code from} (inclusive) to {@code to} (exclusive), each as its ranges. */
    public List<List<KeyRange>> blocks(int from, int to) {
        List<List<KeyRange>> blocks = new ArrayList<>(Math.max(0, to - from));
        for (int b = from; b < to; b++) {
            blocks.add(block(b));
        }
        return blocks;
    }

    public int firstBlock(int partition) {
        return partition * blocksPerPartition;
    }

    public int endBlock(int partition) {
        return Math.min(blockCount(), (partition + 1) * blocksPerPartition);
    }
}
