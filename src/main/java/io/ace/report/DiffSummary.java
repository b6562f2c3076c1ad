package io.ace.report;

import java.util.List;
import java.util.Map;

/**
 * The summary of a table-diff, in the diff file's field names.
 *
 * @param transientKeys differing keys that resolved on re-check (0 until re-checking exists)
 */
public record DiffSummary(String schema, String table, List<String> nodes, List<String> primaryKey, int blockSize,
                          int compareUnitSize, double concurrencyFactor, long maxDiffRows, String tableFilter,
                          String equality, String startTime, String endTime, String timeTaken,
                          Map<String, Long> diffRowsCount, boolean diffRowLimitReached, long totalRowsChecked,
                          int initialRangesCount, int mismatchedRangesCount, Map<String, Long> oddNodeCounts,
                          long transientKeys, long jobExecutionId, String runKey) {

    public long totalDiffRows() {
        return diffRowsCount.values().stream().mapToLong(Long::longValue).sum();
    }
}
