package io.ace.operation.tablerepair;

import io.ace.catalog.TableName;
import io.ace.difffile.DiffFileDigest;
import io.ace.operation.TableRequest;
import io.ace.repair.RepairOptions;
import java.nio.file.Path;

/**
 * One table-repair launch. The diff file's path and sha256 identify the run: the same key with
 * an edited diff file is another run, not a resume.
 */
public record TableRepairRequest(String cluster, TableName table, Path diffFile, String diffSha256, RepairOptions options,
                                 String runKey, Path outputDir, boolean generateReport, int maxHtmlRows, boolean distributed)
        implements TableRequest {

    public static final String OPERATION = "table-repair";

    @Override
    public String operation() {
        return OPERATION;
    }

    /** A request for a diff file that exists, identified by its sha256. */
    public static TableRepairRequest of(String cluster, TableName table, Path diffFile, RepairOptions options, String runKey,
                                        Path outputDir, boolean generateReport, int maxHtmlRows, boolean distributed) {
        return new TableRepairRequest(cluster, table, diffFile, DiffFileDigest.of(diffFile), options, runKey, outputDir, generateReport,
                maxHtmlRows, distributed);
    }
}
