package io.ace.operation.repsetdiff;

import io.ace.diff.ColumnChoice;
import io.ace.diff.DiffOptions;
import io.ace.operation.LaunchRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One repset-diff launch: the replication set, how its tables are compared, which are left out,
 * the sessions it may hold per node, and how its results are written.
 *
 * @param skipTables     tables left out, as {@code TableSetFlags} records them
 * @param maxConnections sessions per node at most (0: tables at once + 1)
 * @param distributed    whether its tables are compared in worker processes
 * @param columnsByTable the columns a table of a columns file compares, by {@code schema.table}
 */
public record RepsetDiffRequest(String cluster, String set, DiffOptions options, List<String> skipTables, int maxConnections,
                                String runKey, Path outputDir, boolean html, int maxHtmlRows, boolean distributed,
                                Map<String, ColumnChoice> columnsByTable) implements LaunchRequest {

    public static final String OPERATION = "repset-diff";

    public RepsetDiffRequest {
        skipTables = List.copyOf(skipTables);
        columnsByTable = Map.copyOf(columnsByTable);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public String target() {
        return set;
    }
}
