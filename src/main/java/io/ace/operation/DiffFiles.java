package io.ace.operation;

import io.ace.catalog.TableName;
import java.nio.file.Path;

/** The diff file an execution wrote, as the job repository recorded it: how a launch names a diff file by execution. */
@FunctionalInterface
public interface DiffFiles {

    /**
     * The file, or a usage error when that execution wrote none or it is gone. An execution that
     * compared many tables wrote one per differing table: the one of {@code table}.
     */
    Path ofExecution(long executionId, TableName table);
}
