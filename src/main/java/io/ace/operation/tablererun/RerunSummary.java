package io.ace.operation.tablererun;

import io.ace.report.Summary;
import java.util.List;
import java.util.Map;

/**
 * The summary of the diff file a table-rerun writes: the keys that still differ.
 *
 * @param rerunOf       the diff file whose keys were compared again, its absolute path
 * @param diffRowsCount rows that still differ per node pair
 */
record RerunSummary(String schema, String table, List<String> nodes, String rerunOf, Map<String, Long> diffRowsCount,
                    long jobExecutionId, String runKey) implements Summary {
}
