package io.ace.operation.tablerepair;

import io.ace.operation.DiffFileSource;
import io.ace.operation.DistributedOption;
import io.ace.operation.HtmlRowsOption;
import io.ace.operation.RequestOptions;
import io.ace.operation.RunBasics;
import io.ace.operation.TableTarget;
import io.ace.repair.RepairMode;
import io.ace.repair.RepairOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code ace table-repair [CLUSTER] SCHEMA.TABLE --diff-file F --source-of-truth NODE}, which makes nodes match for the rows of a diff file. */
@Command(name = TableRepairRequest.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Repairs exactly the rows of a diff file.",
            "Makes the other nodes match the source of truth (or, with --bidirectional / --fix-nulls, fills each side from the",
            "other). Atomic per node; rows changed since the diff are skipped as stale; writes do not replicate onward; the",
            "result is re-checked."})
public class TableRepairOptions implements RequestOptions<TableRepairRequest> {

    @Parameters(arity = "1..*", paramLabel = "[CLUSTER] SCHEMA.TABLE")
    List<String> positional = new ArrayList<>();

    @ArgGroup(multiplicity = "1")
    DiffFileSource diffFile;

    @Option(names = {"-r", "--source-of-truth"}, paramLabel = "NODE", description = "The node the others are made to match.")
    String sourceOfTruth;

    @Option(names = {"-P", "--upsert-only"}, description = "Insert and update, never delete.")
    boolean upsertOnly;

    @Option(names = {"-i", "--insert-only"}, description = "Only insert rows missing on the target.")
    boolean insertOnly;

    @Option(names = {"-Z", "--bidirectional"}, description = "No source: insert each side's missing rows into the other; modified rows untouched.")
    boolean bidirectional;

    @Option(names = {"-X", "--fix-nulls"}, description = "No source: for keys on both sides, fill columns NULL on one side from the other.")
    boolean fixNulls;

    @Option(names = "--recovery-mode",
            description = "Repair a diff of a failed node's writes (table-diff --against-origin NODE): the source is the survivor that"
                    + " applied the most of NODE's changes (or --source-of-truth), chosen with its evidence in the report.")
    boolean recoveryMode;

    @Option(names = "--preserve-origin",
            description = "Write each repaired row under the replication origin and commit time of the change it copies, so conflict"
                    + " resolution treats it as that change; one transaction per commit time.")
    boolean preserveOrigin;

    @Mixin
    RepairPlanSource plan;

    @Option(names = {"-t", "--fire-triggers"}, description = "Let user triggers fire (by default they do not).")
    boolean fireTriggers;

    @Option(names = {"-y", "--dry-run"}, description = "Change nothing: count per node and write the statements that would run.")
    boolean dryRun;

    @Option(names = {"-g", "--generate-report"}, description = "Write the repair report (JSON and HTML): per node the rows changed, before and after.")
    boolean generateReport;

    @Mixin
    HtmlRowsOption htmlRows;

    @Mixin
    DistributedOption distributed;

    @Override
    public TableRepairRequest request(RunBasics run) {
        TableTarget target = TableTarget.of(positional);
        RepairPlanSource.RecordedPlan repairPlan = plan.resolve(run);
        RepairOptions options = new RepairOptions(sourceOfTruth, RepairMode.of(upsertOnly, insertOnly, bidirectional, fixNulls, repairPlan != null),
                fireTriggers, dryRun, recoveryMode, preserveOrigin).validate();
        return TableRepairRequest.of(run.cluster(target.cluster()), target.table(), diffFile.resolve(run, target.table()), options, run.runKey(), run.outputDir(),
                generateReport, htmlRows.value(), distributed.value(), repairPlan);
    }
}
