package io.ace.diff;

import java.util.Map;

/**
 * What comparing one block found (the differing keys themselves went to a {@link DifferenceSink}).
 *
 * @param rowsPerNode      row count of the block on each node
 * @param mismatchedRanges ranges of the block whose hashes disagreed
 * @param differingKeys    keys found to differ
 */
public record BlockOutcome(Map<String, Long> rowsPerNode, int mismatchedRanges, int differingKeys) {

    public boolean mismatched() {
        return mismatchedRanges > 0;
    }
}
