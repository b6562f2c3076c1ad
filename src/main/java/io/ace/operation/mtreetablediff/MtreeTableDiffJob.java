package io.ace.operation.mtreetablediff;

import io.ace.batch.BatchResources;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.DiffOptions;
import io.ace.diff.TablePreflight;
import io.ace.difffile.DifferenceJson;
import io.ace.findings.BlockRecord;
import io.ace.findings.FindingsRecheck;
import io.ace.findings.FindingsStore;
import io.ace.mtree.CaptureHook;
import io.ace.mtree.TreeDiff;
import io.ace.mtree.TreeUpdate;
import io.ace.operation.OperationJob;
import java.time.Duration;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
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
        return new Needs(request.options().nodes(), 4);
    }

    @Override
    public Job build(MtreeTableDiffRequest request, ClusterSessions sessions) {
        MtreeDiffRun run = new MtreeDiffRun(request, sessions,
                new TablePreflight().check(sessions, request.table(), DiffOptions.defaults()).shape());
        var repository = resources.repository();
        var transactions = resources.transactions();
        Step update = new StepBuilder("update", repository).tasklet(update(run), transactions).build();
        Step compare = new StepBuilder("compare", repository).tasklet(compare(run, resources.findings()), transactions).build();
        Step recheck = new StepBuilder("recheck", repository).tasklet(recheck(run, resources.findings()), transactions).build();
        Step report = new StepBuilder("report", repository)
                .tasklet(new MtreeReportTasklet(run, resources.findings(), resources.toolVersion()), transactions).build();
        return new JobBuilder(MtreeTableDiff.OPERATION, repository).start(update).next(compare).next(recheck).next(report).build();
    }

    private static Tasklet update(MtreeDiffRun run) {
        return (contribution, chunk) -> {
            TreeUpdate.Outcome outcome = new TreeUpdate(run.sessions(), run.shape(), CaptureHook.NONE).run();
            ExecutionContext job = MtreeDiffRun.context(chunk.getStepContext().getStepExecution().getJobExecution());
            job.putString(MtreeDiffRun.Found.EQUALITY.key(), outcome.equality().name());
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
            long instance = execution.getJobInstance().getInstanceId();
            findings.clearBlock(instance, 0);
            int[] seq = {0};
            TreeDiff.Outcome outcome = new TreeDiff(run.sessions(), run.shape()).run(run.request().options(), resources.progress(),
                    unit -> {
                        findings.addDifferences(instance, 0, seq[0], DifferenceJson.writeAll(run.shape(), unit));
                        seq[0] += unit.size();
                    });
            findings.saveBlock(instance, 0, new BlockRecord(0, Map.of(), outcome.mismatchedLeaves().size(), seq[0]));
            ExecutionContext job = MtreeDiffRun.context(execution);
            job.putInt(MtreeDiffRun.Found.TREE_NODES_READ.key(), outcome.treeNodesRead());
            job.putInt(MtreeDiffRun.Found.MISMATCHED_LEAVES.key(), outcome.mismatchedLeaves().size());
            contribution.incrementWriteCount(outcome.differingKeys());
            return RepeatStatus.FINISHED;
        };
    }

    private static Tasklet recheck(MtreeDiffRun run, FindingsStore findings) {
        return (contribution, chunk) -> {
            JobExecution execution = chunk.getStepContext().getStepExecution().getJobExecution();
            DiffOptions options = run.request().options();
            FindingsRecheck.Result result = options.recheck()
                    ? new FindingsRecheck(findings).run(execution.getJobInstance().getInstanceId(), run.sessions(), run.table(execution),
                            options.compareUnitSize(), Duration.ofSeconds(options.recheckTimeoutSeconds()))
                    : new FindingsRecheck.Result(0, 0, java.util.Set.of());
            ExecutionContext job = MtreeDiffRun.context(execution);
            job.putLong(MtreeDiffRun.Found.TRANSIENT.key(), result.transientKeys());
            job.putDouble(MtreeDiffRun.Found.RECHECK_SECONDS.key(), result.seconds());
            job.putString(MtreeDiffRun.Found.RECHECK_LAGGING.key(), String.join(",", result.laggingNodes()));
            return RepeatStatus.FINISHED;
        };
    }
}
