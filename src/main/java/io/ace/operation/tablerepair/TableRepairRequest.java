package io.ace.operation.tablerepair;

import io.ace.catalog.TableName;
import io.ace.operation.RecordedDiffFile;
import io.ace.operation.TableRequest;
import io.ace.repair.RepairOptions;
import java.nio.file.Path;

/**
 * One table-repair launch. The diff file's path and sha256 identify the run: the same key with
 * an edited diff file is another run, not a resume; and a launch of the run (a restart, a worker's
 * partition) reads the file only while it has that sha256. A repair plan (path and sha256, or null)
 * is identified and read the same way.
 */
public record TableRepairRequest(String cluster, TableName table, Path diffFile, String diffSha256, RepairOptions options,
                                 String runKey, Path outputDir, boolean generateReport, int maxHtmlRows, boolean distributed,
                                 Path repairPlan, String repairPlanSha256)
        implements TableRequest {

    public static final String OPERATION = "table-repair";

    @Override
    public String operation() {
        return OPERATION;
    }

    /** The same request with other options (the source a recovery chose). */
    public TableRepairRequest with(RepairOptions chosen) {
        return new TableRepairRequest(cluster, table, diffFile, diffSha256, chosen, runKey, outputDir, generateReport, maxHtmlRows, distributed,
                repairPlan, repairPlanSha256);
    }

    /** A request for a diff file, identified by the sha256 recorded for it. */
    public static TableRepairRequest of(String cluster, TableName table, RecordedDiffFile diffFile, RepairOptions options, String runKey,
                                        Path outputDir, boolean generateReport, int maxHtmlRows, boolean distributed,
                                        RepairPlanSource.RecordedPlan plan) {
        return new TableRepairRequest(cluster, table, diffFile.file(), diffFile.sha256(), options, runKey, outputDir, generateReport,
                maxHtmlRows, distributed, plan == null ? null : plan.file(), plan == null ? null : plan.sha256());
    }
}
