package io.ace.operation.mtreebuild;

import io.ace.catalog.TableName;
import io.ace.diff.DiffOptions;
import io.ace.operation.TableRequest;
import java.nio.file.Path;

/**
 * One mtree build launch: the table, the nodes, the leaf layout's settings ({@code options}:
 * nodes, block size = rows per leaf, equality, concurrency factor), and whether its partitions of
 * leaves run on workers.
 */
public record MtreeBuildRequest(String cluster, TableName table, DiffOptions options, String runKey, Path outputDir, boolean distributed)
        implements TableRequest {

    @Override
    public String operation() {
        return MtreeBuild.OPERATION;
    }
}
