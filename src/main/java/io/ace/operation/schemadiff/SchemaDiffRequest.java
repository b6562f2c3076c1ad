package io.ace.operation.schemadiff;

import io.ace.diff.DiffOptions;
import io.ace.operation.LaunchRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * One schema-diff launch: the schema, whether only definitions are compared, how table data is
 * compared otherwise (which tables are left out, the sessions per node), and how results are written.
 *
 * @param skipTables     tables whose data is left out, as {@code TableSetFlags} records them
 * @param maxConnections sessions per node at most (0: tables at once + 1)
 * @param distributed    whether its tables' data is compared in worker processes
 */
public record SchemaDiffRequest(String cluster, String schema, boolean ddlOnly, DiffOptions options, List<String> skipTables,
                                int maxConnections, String runKey, Path outputDir, boolean html, int maxHtmlRows, boolean distributed)
        implements LaunchRequest {

    public static final String OPERATION = "schema-diff";

    public SchemaDiffRequest {
        skipTables = List.copyOf(skipTables);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public String target() {
        return schema;
    }
}
