package io.ace.operation.mtreetablediff;

import io.ace.batch.BatchResources;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.DiffOptions;
import io.ace.diff.TablePreflight;
import io.ace.findings.BlockRecord;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.mtree.CaptureHook;
import io.ace.mtree.TreeDiff;
import io.ace.mtree.TreeUpdate;
import io.ace.operation.OperationJob;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The mtree table-diff job: update (changes captured, dirty leaves rehashed on every node),
 * compare (trees from the root down; rows of mismatched leaves narrowed into findings), recheck
 * (differing keys again after pending replication), report (the ordinary diff file).
 */
final class MtreeTableDiffJob implements OperationJob<MtreeTableDiffRequest> {

    private final BatchResources resources;

    MtreeTableDiffJob(BatchResources resources) {
        this.resources = resources;
    }

    @Override
    public Needs prepare(MtreeTableDiffRequest request) {
        request.options().validate();
        // per node: a lock, the comparison's snapshot, and one for queries beside them
        return new Needs(request.options().nodes());
    }

    @Override
    public Job build(MtreeTableDiffRequest request, ClusterSessions sessions) {
        MtreeDiffRun run = new MtreeDiffRun(request, sessions,
                new TablePreflight().check(sessions, request.table(), DiffOptions.defaults()).shape());
        var repository = resources.repository();
        Step update = resources.step("update", update(run));
        Step compare = resources.step("compare", compare(run, resources.findings()));
        Step recheck = resources.step("recheck", recheck(run));
        Step report = resources.step("report", new MtreeReportTasklet(run, resources));
        return new JobBuilder(MtreeTableDiff.OPERATION, repository).start(update).next(compare).next(recheck).next(report).build();
    }

    private static Tasklet update(MtreeDiffRun run) {
        return (contribution, chunk) -> {
            TreeUpdate.Outcome outcome = new TreeUpdate(run.sessions(), run.shape(), CaptureHook.NONE).run();
            ExecutionContext job = MtreeDiffRun.context(chunk.getStepContext().getStepExecution().getJobExecution());
            job.putString(MtreeDiffRun.Found.EQUALITY.key(), outcome.equality().name());
            job.putString(MtreeDiffRun.Found.COLUMNS.key(), outcome.columns().all() ? "" : outcome.columns().describe());
            job.putInt(MtreeDiffRun.Found.LEAF_SIZE.key(), outcome.leafSize());
            job.putInt(MtreeDiffRun.Found.LEAVES.key(), outcome.leaves());
            job.putString(MtreeDiffRun.Found.UPDATE.key(), outcome.summary());
            job.putLong(MtreeDiffRun.Found.CHANGES_CAPTURED.key(), outcome.nodes().stream().mapToLong(TreeUpdate.NodeReport::captured).sum());
            job.putLong(MtreeDiffRun.Found.LEAVES_REHASHED.key(), outcome.nodes().stream().mapToLong(TreeUpdate.NodeReport::rehashed).sum());
            job.putInt(MtreeDiffRun.Found.LEAVES_SPLIT.key(), outcome.splits());
            job.putLong(MtreeDiffRun.Found.ROWS.key(), outcome.rowsPerNode().values().stream().mapToLong(Long::longValue).max().orElse(0));
            return RepeatStatus.FINISHED;
        };
    }

    /** The differences of every mismatched leaf are one block of findings, committed with the step. */
    private Tasklet compare(MtreeDiffRun run, FindingsStore findings) {
        return (contribution, chunk) -> {
            JobExecution execution = chunk.getStepContext().getStepExecution().getJobExecution();
            FindingsScope scope = FindingsScope.of(execution.getJobInstance().getInstanceId());
            findings.clearBlock(scope, 0);
            int[] seq = {0};
            TreeDiff.Outcome outcome = new TreeDiff(run.sessions(), run.shape()).run(run.request().options(), resources.progress(),
                    unit -> {
                        findings.addDifferences(scope, 0, seq[0], unit);
                        seq[0] += unit.size();
                    });
            findings.saveBlock(scope, 0, new BlockRecord(0, Map.of(), outcome.mismatchedLeaves().size(), seq[0]));
            ExecutionContext job = MtreeDiffRun.context(execution);
            job.putInt(MtreeDiffRun.Found.TREE_NODES_READ.key(), outcome.treeNodesRead());
            job.putInt(MtreeDiffRun.Found.MISMATCHED_LEAVES.key(), outcome.mismatchedLeaves().size());
            contribution.incrementWriteCount(outcome.differingKeys());
            return RepeatStatus.FINISHED;
        };
    }

    /** table-diff's re-check of the differing keys, on the table the trees were built for. */
    private Tasklet recheck(MtreeDiffRun run) {
        return (contribution, chunk) -> {
            JobExecution execution = chunk.getStepContext().getStepExecution().getJobExecution();
            run.comparison(execution, resources).recheck(FindingsScope.of(execution.getJobInstance().getInstanceId()),
                    contribution.getStepExecution().getExecutionContext()).store(execution.getExecutionContext());
            return RepeatStatus.FINISHED;
        };
    }
}
