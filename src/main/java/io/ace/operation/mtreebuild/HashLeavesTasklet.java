package io.ace.operation.mtreebuild;

import io.ace.batch.DiffProgress;
import io.ace.batch.PartitionPosition;
import io.ace.batch.RunContext;
import io.ace.diff.DiffPlan;
import io.ace.mtree.TreeBuild;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Per partition: hashes a few leaves per call on every node at once. The nodes record the hashes;
 * the partition's position commits after them, so a restart hashes again at most the leaves of
 * the call that was interrupted.
 */
final class HashLeavesTasklet implements Tasklet {

    private static final int LEAVES_PER_CALL = 256;

    private final TreeBuild build;
    private final JobRepository repository;
    private final DiffProgress progress;

    HashLeavesTasklet(TreeBuild build, JobRepository repository, DiffProgress progress) {
        this.build = build;
        this.repository = repository;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        DiffPlan plan = RunContext.frozenPlan(step.getJobExecution(), repository);
        int partition = PartitionPosition.partition(context);
        int end = LeafPartitioner.end(plan, partition);
        int from = PartitionPosition.nextBlock(context, LeafPartitioner.first(partition));
        int to = Math.min(end, from + LEAVES_PER_CALL);
        if (from < to) {
            build.hash(from, to);
            contribution.incrementReadCount();
            contribution.incrementWriteCount(to - from);
            PartitionPosition.advance(context, to);
            for (int leaf = from; leaf < to; leaf++) {
                progress.blockDone(0, false);
            }
        }
        return to < end ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }
}
