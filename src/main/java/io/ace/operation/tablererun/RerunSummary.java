package io.ace.operation.tablererun;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ace.report.Summary;
import java.util.List;
import java.util.Map;

/**
 * The summary of the diff file a table-rerun writes: the keys that still differ.
 *
 * @param rerunOf       the diff file whose keys were compared again, its absolute path
 * @param diffRowsCount rows that still differ per node pair
 * @param comparedAs    {@code multiset} for a table without a key, whose rows are compared as a multiset of whole rows
 *                      (a repair reads the file so); null when rows are matched by key
 */
record RerunSummary(String schema, String table, List<String> nodes, String rerunOf, Map<String, Long> diffRowsCount,
                    long jobExecutionId, String runKey, @JsonInclude(JsonInclude.Include.NON_NULL) String comparedAs) implements Summary {
}
