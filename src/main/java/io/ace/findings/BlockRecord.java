package io.ace.findings;

import java.util.Map;

/**
 * One compared block.
 *
 * @param blockNo          position of the block in the plan
 * @param rowsPerNode      the block's row count on each node
 * @param mismatchedRanges ranges of the block whose hashes disagreed
 * @param diffKeys         keys found to differ
 */
public record BlockRecord(int blockNo, Map<String, Long> rowsPerNode, int mismatchedRanges, int diffKeys) {

    public boolean mismatched() {
        return mismatchedRanges > 0;
    }

    /** The block's row count on its largest node. */
    public long rowsChecked() {
        return rowsPerNode.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
