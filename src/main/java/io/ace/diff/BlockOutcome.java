package io.ace.diff;

import java.util.List;
import java.util.Map;

/**
 * What comparing one block found.
 *
 * @param rowsPerNode row count of the block on each node
 * @param mismatched  whether the block hashes disagreed
 * @param differences the differing keys in key order (empty when the block matched)
 */
public record BlockOutcome(Map<String, Long> rowsPerNode, boolean mismatched, List<KeyDifference> differences) {

    public long rowsChecked() {
        return rowsPerNode.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
