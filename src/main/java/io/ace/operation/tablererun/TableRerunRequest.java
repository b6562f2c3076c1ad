package io.ace.operation.tablererun;

import io.ace.catalog.TableName;
import io.ace.operation.RecordedDiffFile;
import io.ace.operation.TableRequest;
import java.nio.file.Path;

/** One table-rerun launch: re-check the keys of a diff file, identified by its path and sha256, which every launch of the run checks. */
public record TableRerunRequest(String cluster, TableName table, Path diffFile, String diffSha256, int compareUnitSize,
                                String runKey, Path outputDir) implements TableRequest {

    public static final String OPERATION = "table-rerun";

    @Override
    public String operation() {
        return OPERATION;
    }

    public static TableRerunRequest of(String cluster, TableName table, RecordedDiffFile diffFile, int compareUnitSize, String runKey,
                                       Path outputDir) {
        return new TableRerunRequest(cluster, table, diffFile.file(), diffFile.sha256(), compareUnitSize, runKey, outputDir);
    }
}
