package io.ace.operation.tablerepair;

import io.ace.batch.StepProgress;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.difffile.DiffFileReader;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.repair.MultisetRepair;
import io.ace.repair.PlanDecisions;
import io.ace.repair.RepairApplier;
import io.ace.repair.RepairChange;
import io.ace.repair.RepairOutcome;
import io.ace.report.RepairJson;
import io.ace.report.StatementsFile;
import java.io.IOException;
import java.nio.file.Path;
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
 * Changes are listed one by one only for a report or a dry run, a batch at a time. A multiset's
 * node (a table without a key) is made to hold the source's copies of each listed row instead.
 */
final class RepairApplyTasklet implements Tasklet {

    static final String NODE = "node";

    /** Change records written to the findings per batch. */
    private static final int RECORD_BATCH = 1_000;

    private final TableRepairRequest request;
    private final ClusterSessions sessions;
    private final ComparedTable table;
    private final TableShape whole;
    private final FindingsStore findings;
    private final PlanDecisions decisions;
    private final boolean inherited;

    /**
     * @param decisions what a repair plan decided for every key, or null for a repair by mode
     * @param inherited the table has inheritance children (see {@link RepairApplier})
     */
    RepairApplyTasklet(TableRepairRequest request, ClusterSessions sessions, ComparedTable table, TableShape whole, FindingsStore findings,
                       PlanDecisions decisions, boolean inherited) {
        this.decisions = decisions;
        this.inherited = inherited;
        this.request = request;
        this.sessions = sessions;
        this.table = table;
        this.whole = whole;
        this.findings = findings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        String node = context.getString(NODE);
        FindingsScope scope = FindingsScope.of(contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId());
        int nodeIndex = sessions.nodeNames().indexOf(node);
        findings.clearBlock(scope, nodeIndex);
        boolean dryRun = request.options().dryRun();
        RepairOutcome outcome;
        Path statementsFile = null;
        try (StatementsFile statements = dryRun ? new StatementsFile(request.outputDir(), request.table().schema(), request.table().table(), node)
                : null) {
            Records records = request.generateReport() || dryRun ? new Records(scope, nodeIndex, statements) : null;
            DiffFileReader diffFile = new DiffFileReader(request.diffFile(), request.diffSha256());
            if (table.multiset()) {
                outcome = new MultisetRepair(table, request.options()).apply(sessions, diffFile, node, records);
            } else if (decisions == null) {
                outcome = new RepairApplier(table.shape(), whole, request.options(), inherited).apply(sessions, diffFile, node, records);
            } else {
                if (statements != null) {
                    // what the plan decided for every key, before the statements it makes on this node
                    for (String line : decisions.lines()) {
                        statements.comment(line);
                    }
                }
                outcome = new RepairApplier(table.shape(), whole, request.options(), inherited).apply(sessions, decisions, node, records);
            }
            if (records != null) {
                records.flush();
            }
            if (statements != null) {
                statementsFile = statements.complete();
            }
        }
        for (RepairChange.Kind kind : RepairChange.Kind.values()) {
            context.putLong(kind.name().toLowerCase(), outcome.count(kind));
        }
        context.putLong("stale", outcome.stale());
        context.putLong("already", outcome.already());
        if (statementsFile != null) {
            context.putString("statements.file", statementsFile.toAbsolutePath().toString());
        }
        StepProgress.of(1, StepProgress.Unit.NODES).finished().store(context);
        contribution.incrementWriteCount(outcome.appliedTotal());
        return RepeatStatus.FINISHED;
    }

    /** Records each change for the repair report, and with a dry run its statement in the node's SQL file. */
    private final class Records implements RepairApplier.ChangeListener {
        private final FindingsScope scope;
        private final int nodeIndex;
        private final StatementsFile statements;
        private final List<String> batch = new ArrayList<>(RECORD_BATCH);
        private int seq;

        Records(FindingsScope scope, int nodeIndex, StatementsFile statements) {
            this.scope = scope;
            this.nodeIndex = nodeIndex;
            this.statements = statements;
        }

        @Override
        public void change(RepairChange change, RepairChange.Status status, String statement) throws IOException {
            String label = switch (status) {
                case APPLIED -> request.options().dryRun() ? "planned" : "applied";
                case STALE -> "stale";
                case ALREADY -> "already";
            };
            batch.add(RepairJson.change(table.shape(), change, label));
            if (batch.size() == RECORD_BATCH) {
                flush();
            }
            if (statements != null && statement != null) {
                statements.add(statement);
            }
        }

        void flush() {
            findings.addChanges(scope, nodeIndex, seq, batch);
            seq += batch.size();
            batch.clear();
        }
    }
}
