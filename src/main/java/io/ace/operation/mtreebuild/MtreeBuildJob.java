package io.ace.operation.mtreebuild;

import io.ace.batch.BatchResources;
import io.ace.batch.RunContext;
import io.ace.batch.partition.PartitionedSteps;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffPlan;
import io.ace.diff.TablePreflight;
import io.ace.mtree.TreeBuild;
import io.ace.operation.OperationJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The mtree build job: plan (leaves planned once, their number frozen, and taken by every node
 * together with the publication), hash (partitions of leaves on a bounded pool, or on workers of
 * the nodes' region; restartable), finish (the tree above the leaves, the table ready).
 */
final class MtreeBuildJob implements OperationJob<MtreeBuildRequest> {

    private final BatchResources resources;

    MtreeBuildJob(BatchResources resources) {
        this.resources = resources;
    }

    @Override
    public Needs prepare(MtreeBuildRequest request) {
        request.options().validate();
        return new Needs(request.options().nodes());
    }

    @Override
    public Job build(MtreeBuildRequest request, ClusterSessions sessions) {
        ComparedTable table = new TablePreflight().check(sessions, request.table(), request.options());
        TreeBuild build = new TreeBuild(sessions, table, request.options().columns());
        build.check();
        var repository = resources.repository();
        int leafSize = request.options().blockSize();
        Step plan = resources.step("plan", (contribution, chunk) -> {
            DiffPlan leaves = build.plan(leafSize, request.options().concurrencyFactor());
            build.prepare(leaves, leafSize);
            LeafPartitioner.freeze(chunk.getStepContext().getStepExecution().getJobExecution(), leaves.blockCount());
            contribution.getStepExecution().getExecutionContext().putInt("leaves", leaves.blockCount());
            return RepeatStatus.FINISHED;
        });
        Step hashLeaves = resources.step("hash-leaves", new HashLeavesTasklet(build));
        LeafPartitioner partitioner = new LeafPartitioner(repository);
        Step hash = resources.partitions().step("hash", partitioner, hashLeaves, resources.partitionWorkers(request.options().workers()),
                PartitionedSteps.Region.of(sessions.region()), partitioner);
        Step finish = resources.step("finish", (contribution, chunk) -> {
            RunContext.of(chunk.getStepContext().getStepExecution().getJobExecution()).summaryLine(build.finish());
            return RepeatStatus.FINISHED;
        });
        return new JobBuilder(MtreeBuild.OPERATION, repository).start(plan).next(hash).next(finish).build();
    }
}
