package io.ace.operation.tablerepair;

import io.ace.batch.BatchResources;
import io.ace.catalog.CatalogReader;
import io.ace.catalog.TableFacts;
import io.ace.catalog.TableName;
import io.ace.batch.StepProgress;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.difffile.DiffFileCheck;
import io.ace.difffile.DiffFileDigest;
import io.ace.difffile.DiffFileReader;
import io.ace.exit.AceException;
import io.ace.operation.DiffFileTable;
import io.ace.operation.OperationJob;
import io.ace.exit.ExitCode;
import io.ace.repair.PlanDecisions;
import io.ace.repair.RecoverySource;
import io.ace.repair.plan.PlanContext;
import io.ace.repair.plan.RepairPlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The table-repair job: repair (one partition per target node, all at once, here or on workers), verify, report. */
final class TableRepairJob implements OperationJob<TableRepairRequest> {

    private final BatchResources resources;

    TableRepairJob(BatchResources resources) {
        this.resources = resources;
    }

    @Override
    public Needs prepare(TableRepairRequest request) {
        request.options().validate();
        // first, on every launch of the run (a restart, a worker's): the file is the one recorded
        DiffFileDigest.verify(request.diffFile(), request.diffSha256());
        DiffFileReader file = new DiffFileReader(request.diffFile());
        List<String> nodes = file.nodesOf(request.table());
        if (file.multiset()) {
            request.options().forMultiset();
        }
        if (request.options().recovery() && file.againstOrigin() == null) {
            throw AceException.usage("--recovery-mode repairs a diff of a failed node's writes, and " + request.diffFile().getFileName()
                    + " compared every row; run table-diff --against-origin NODE first, or name a --source-of-truth without --recovery-mode");
        }
        if (request.repairPlan() != null && !RepairPlanSource.digest(request.repairPlan()).equals(request.repairPlanSha256())) {
            throw AceException.usage("repair plan " + request.repairPlan() + " changed since this run started, so nothing was done with it;"
                    + " launch the repair again (another run key) to use the plan as it is now");
        }
        String source = request.options().sourceOfTruth();
        if (source != null && !nodes.contains(source)) {
            throw AceException.config("--source-of-truth " + source + " is not one of the diff file's nodes (" + String.join(", ", nodes) + ")");
        }
        return new Needs(nodes);
    }

    @Override
    public Job build(TableRepairRequest asked, ClusterSessions sessions) {
        // a recovery's source is chosen from the survivors' replication progress now, its evidence kept for the report
        RecoverySource recovery = asked.options().recovery()
                ? RecoverySource.choose(sessions, new DiffFileReader(asked.diffFile()).againstOrigin(), asked.options().sourceOfTruth()) : null;
        TableRepairRequest request = recovery == null ? asked : asked.with(asked.options().from(recovery.source()));
        // a diff file of some columns carries, compares and updates only those; a row it inserts is whole unless a set's column list chose them
        DiffFileTable file = DiffFileTable.of(sessions, request.table(), request.diffFile());
        ComparedTable table = file.compared();
        DiffFileCheck.check(request.diffFile(), sessions, table.shape());
        // every node's changes from the same decisions, made before any node is written (a node written first would make the key stale for the next)
        PlanDecisions decisions = request.repairPlan() == null ? null : decisions(request, sessions, table, file);
        String source = request.options().sourceOfTruth();
        List<String> targets = sessions.nodeNames().stream().filter(n -> !n.equals(source)).toList();
        var repository = resources.repository();
        Step node = resources.step("repair-node", new RepairApplyTasklet(request, sessions, table, file.whole(), resources.findings(), decisions,
                inherited(sessions, request.table())));
        // each node's partition goes to a worker of that node's region
        Step repair = resources.partitions().step("repair", new NodePartitioner(targets), node, Math.max(1, targets.size()),
                partition -> sessions.region(partition.getString(RepairApplyTasklet.NODE)));
        Step verify = resources.step("verify", request.options().dryRun()
                ? (contribution, context) -> RepeatStatus.FINISHED
                : new RepairVerifyTasklet(request.diffFile(), sessions, table, DiffOptions.DEFAULT_COMPARE_UNIT_SIZE));
        // a multiset's rows are matched by every column, not by an index
        Step report = resources.step("report", new RepairReportTasklet(request, targets, sessions.nodeNames(), resources.findings(),
                resources.html(), repository, table.multiset() ? null : table.shape().keyIndex().describe(), file.notCompared(), recovery));
        return new JobBuilder(TableRepairRequest.OPERATION, repository).start(repair).next(verify).next(report).build();
    }

    /** Whether the table has inheritance children on the first node (their rows are inserted where the source holds them). */
    private static boolean inherited(ClusterSessions sessions, TableName table) {
        try (Connection c = sessions.pools().get(0).open()) {
            return new CatalogReader().facts(c, table).map(TableFacts::inherited).orElse(false);
        } catch (SQLException e) {
            throw new AceException(ExitCode.CONFIG, "cannot read the catalog of " + table + " on node " + sessions.pools().get(0).name(),
                    e.getMessage(), e);
        }
    }

    /**
     * The repair plan, validated against the diff file's nodes and the table's columns, and what it
     * decides for every key from the rows the nodes hold now.
     */
    private static PlanDecisions decisions(TableRepairRequest request, ClusterSessions sessions, ComparedTable table, DiffFileTable file) {
        if (file.whole() != null) {
            throw AceException.usage("the diff file compared only some columns (" + file.compared().shape().columnNames().size() + " of "
                    + file.whole().columns().size() + "); a repair plan decides whole rows: compare every column for it");
        }
        RepairPlan plan = RepairPlan.read(request.repairPlan(), new PlanContext(sessions.nodeNames(), table.shape().columnNames(),
                table.shape().keyNames()));
        try {
            return PlanDecisions.make(sessions, table.shape(), new DiffFileReader(request.diffFile(), request.diffSha256()), plan);
        } catch (AceException e) {
            throw e;
        } catch (Exception e) {
            throw new AceException(ExitCode.UNREACHABLE, "cannot read the rows of the diff file's keys on the nodes", e.getMessage(), e);
        }
    }

    /** One partition per target node, its node its progress; names from the node list, so a restart finds the same ones. */
    private record NodePartitioner(List<String> targets) implements Partitioner, PartitionNameProvider {
        @Override
        public Map<String, ExecutionContext> partition(int gridSize) {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (String t : targets) {
                ExecutionContext c = new ExecutionContext();
                c.putString(RepairApplyTasklet.NODE, t);
                StepProgress.of(1, StepProgress.Unit.NODES).store(c);
                partitions.put("node-" + t, c);
            }
            return partitions;
        }

        @Override
        public Collection<String> getPartitionNames(int gridSize) {
            List<String> names = new ArrayList<>();
            targets.forEach(t -> names.add("node-" + t));
            return names;
        }
    }
}
