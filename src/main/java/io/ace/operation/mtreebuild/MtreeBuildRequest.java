package io.ace.operation.mtreebuild;

import io.ace.catalog.TableName;
import io.ace.diff.DiffOptions;
import io.ace.operation.TableRequest;
import java.nio.file.Path;

/**
 * One mtree build launch: the table, the nodes, and the leaf layout's settings ({@code options}:
 * nodes, block size = rows per leaf, equality, concurrency factor).
 */
public record MtreeBuildRequest(String cluster, TableName table, DiffOptions options, String runKey, Path outputDir) implements TableRequest {

    @Override
    public String operation() {
        return MtreeBuild.OPERATION;
    }
}
