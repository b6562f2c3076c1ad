package io.ace.operation.tablediff;

import io.ace.catalog.TableName;
import io.ace.diff.DiffOptions;
import io.ace.operation.TableRequest;
import java.nio.file.Path;

/**
 * One table-diff launch: what identifies the run (cluster, table, nodes, filter, sizes, run key),
 * how its results are written, and whether its partitions run in worker processes.
 */
public record TableDiffRequest(String cluster, TableName table, DiffOptions options, String runKey, Path outputDir,
                               boolean html, int maxHtmlRows, boolean distributed) implements TableRequest {

    public static final String OPERATION = "table-diff";

    @Override
    public String operation() {
        return OPERATION;
    }
}
