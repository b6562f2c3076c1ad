package io.ace.operation.tablerepair;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodePool;
import io.ace.diff.ComparedTable;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.repair.RepairApplier;
import io.ace.repair.RepairChange;
import io.ace.repair.RepairOutcome;
import io.ace.repair.RepairPlanner;
import io.ace.difffile.DiffFileReader;
import io.ace.report.RepairJson;
import io.ace.report.ReportName;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Repairs one node (one partition per target node): its changes commit in one transaction on
 * the node, and what was written is recorded with the partition's completion. A node whose
 * partition completed is not repaired again on restart; one that failed rolled back whole.
 */
final class RepairApplyTasklet implements Tasklet {

    static final String NODE = "node";

    private final TableRepairRequest request;
    private final ClusterSessions sessions;
    private final ComparedTable table;
    private final FindingsStore findings;

    RepairApplyTasklet(TableRepairRequest request, ClusterSessions sessions, ComparedTable table, FindingsStore findings) {
        this.request = request;
        this.sessions = sessions;
        this.table = table;
        this.findings = findings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        String node = context.getString(NODE);
        NodePool pool = sessions.pools().stream().filter(p -> p.name().equals(node)).findFirst().orElseThrow();
        List<RepairChange> changes = new RepairPlanner(table.shape(), request.options()).changes(new DiffFileReader(request.diffFile()), node);
        RepairOutcome outcome = new RepairApplier(table.shape(), request.options()).apply(pool, changes);
        long instance = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        int nodeIndex = sessions.nodeNames().indexOf(node);
        findings.clearBlock(FindingsScope.of(instance), nodeIndex);
        List<String> records = new ArrayList<>();
        outcome.applied().forEach(c -> records.add(RepairJson.change(table.shape(), c, request.options().dryRun() ? "planned" : "applied")));
        outcome.stale().forEach(c -> records.add(RepairJson.change(table.shape(), c, "stale")));
        outcome.already().forEach(c -> records.add(RepairJson.change(table.shape(), c, "already")));
        findings.addDifferences(FindingsScope.of(instance), nodeIndex, 0, records);
        for (RepairChange.Kind kind : RepairChange.Kind.values()) {
            context.putLong(kind.name().toLowerCase(), outcome.count(kind));
        }
        context.putLong("stale", outcome.stale().size());
        context.putLong("already", outcome.already().size());
        if (request.options().dryRun()) {
            java.nio.file.Path sql = ReportName.withExtension(ReportName.of(request.outputDir(), request.table().schema(),
                    request.table().table(), "dry-run-" + node, List.of(".sql")), ".sql");
            java.nio.file.Files.write(sql, outcome.statements().stream().map(st -> st + ";").toList());
            context.putString("statements.file", sql.toAbsolutePath().toString());
        }
        contribution.incrementWriteCount(outcome.applied().size());
        return RepeatStatus.FINISHED;
    }
}
