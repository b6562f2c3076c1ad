package io.ace.operation.tablererun;

import io.ace.catalog.TableName;
import io.ace.difffile.DiffFileDigest;
import io.ace.operation.TableRequest;
import java.nio.file.Path;

/** One table-rerun launch: re-check the keys of a diff file, identified by its path and sha256. */
public record TableRerunRequest(String cluster, TableName table, Path diffFile, String diffSha256, int compareUnitSize,
                                String runKey, Path outputDir) implements TableRequest {

    public static final String OPERATION = "table-rerun";

    @Override
    public String operation() {
        return OPERATION;
    }

    public static TableRerunRequest of(String cluster, TableName table, Path diffFile, int compareUnitSize, String runKey, Path outputDir) {
        return new TableRerunRequest(cluster, table, diffFile, DiffFileDigest.of(diffFile), compareUnitSize, runKey, outputDir);
    }
}
