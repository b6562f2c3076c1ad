package io.ace.operation;

import io.ace.diff.DiffOptions;
import picocli.CommandLine.Option;

/** {@code --compare-unit-size} and {@code --max-diff-rows}: how a diff fetches and reports differing rows. */
public class FetchOptions {

    @Option(names = {"-u", "--compare-unit-size"}, paramLabel = "KEYS",
            description = "Keys per batch when fetching the full rows of differing keys (default: ${DEFAULT-VALUE}).")
    int compareUnitSize = DiffOptions.DEFAULT_COMPARE_UNIT_SIZE;

    @Option(names = "--max-diff-rows", paramLabel = "N",
            description = "Differing rows reported per node pair; 0 means no limit (default: ${DEFAULT-VALUE}).")
    long maxDiffRows = DiffOptions.DEFAULT_MAX_DIFF_ROWS;

    public int compareUnitSize() {
        return compareUnitSize;
    }

    public long maxDiffRows() {
        return maxDiffRows;
    }
}
