package io.ace.operation;

import io.ace.catalog.TableName;

/** The diff file an execution wrote, as the job repository recorded it: how a launch names a diff file by execution. */
@FunctionalInterface
public interface DiffFiles {

    /**
     * The file with the sha256 that execution recorded for it, or a usage error when it wrote none,
     * it is gone or its digest is not known. An execution that compared many tables wrote one per
     * differing table: the one of {@code table}.
     */
    RecordedDiffFile ofExecution(long executionId, TableName table);
}
