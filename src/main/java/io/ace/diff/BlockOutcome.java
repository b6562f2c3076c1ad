package io.ace.diff;

import java.util.List;
import java.util.Map;

/**
 * What comparing one block found.
 *
 * @param rowsPerNode      row count of the block on each node
 * @param mismatchedRanges ranges of the block whose hashes disagreed
 * @param differences      the differing keys in key order (empty when the block matched)
 */
public record BlockOutcome(Map<String, Long> rowsPerNode, int mismatchedRanges, List<KeyDifference> differences) {

    public boolean mismatched() {
        return mismatchedRanges > 0;
    }
}
