package io.ace.operation.mtreetablediff;

import io.ace.catalog.TableName;
import io.ace.diff.DiffOptions;
import io.ace.operation.TableRequest;
import java.nio.file.Path;

/**
 * One mtree table-diff launch: the table, the nodes, and how differences are fetched and
 * re-checked ({@code options}: nodes, compare unit size, row limit, re-check and its timeout).
 */
public record MtreeTableDiffRequest(String cluster, TableName table, DiffOptions options, String runKey, Path outputDir)
        implements TableRequest {

    @Override
    public String operation() {
        return MtreeTableDiff.OPERATION;
    }
}
