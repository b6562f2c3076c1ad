package io.ace.operation.mtreebuild;

import io.ace.batch.StepProgress;
import io.ace.mtree.TreeBuild;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Per partition: hashes a few leaves per call on every node at once. The nodes record the hashes;
 * the partition's progress (leaves hashed) commits after them and is where it resumes, so a
 * restart hashes again at most the leaves of the call that was interrupted.
 */
final class HashLeavesTasklet implements Tasklet {

    private static final int LEAVES_PER_CALL = 256;

    private final TreeBuild build;

    HashLeavesTasklet(TreeBuild build) {
        this.build = build;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        StepProgress progress = StepProgress.in(context);
        int first = LeafPartitioner.first(context);
        int from = first + (int) progress.done();
        int end = first + (int) progress.total();
        int to = Math.min(end, from + LEAVES_PER_CALL);
        if (from < to) {
            build.hash(from, to);
            contribution.incrementReadCount();
            contribution.incrementWriteCount(to - from);
            progress.at(to - first).store(context);
        }
        return to < end ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }
}
