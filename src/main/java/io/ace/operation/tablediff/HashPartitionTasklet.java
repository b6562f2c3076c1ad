package io.ace.operation.tablediff;

import io.ace.batch.HashingPause;
import io.ace.batch.PartitionPosition;
import io.ace.batch.StepProgress;
import io.ace.diff.DiffPlan;
import io.ace.diff.PartitionScan;
import io.ace.findings.BlockRecord;
import io.ace.findings.FindingsScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 2, per partition: each call compares the blocks one hashing statement read (for at most
 * a second) and commits their findings together with the partition's next block and progress, so
 * a restart resumes after the last committed block and records nothing twice. The worker step
 * runs for many partitions at once, so per-partition scans are kept by step execution.
 */
final class HashPartitionTasklet implements Tasklet, StepExecutionListener {

    /** Blocks already hashed are compared and committed together for at most this long. */
    private static final long COMMIT_AFTER_NANOS = 1_000_000_000L;

    private final TableDiffRun run;
    private final Map<Long, PartitionScan> scans = new ConcurrentHashMap<>();

    HashPartitionTasklet(TableDiffRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        DiffPlan plan = run.plan(step.getJobExecution());
        int partition = PartitionPosition.partition(context);
        int block = PartitionPosition.nextBlock(context, plan.firstBlock(partition));
        if (block >= plan.endBlock(partition)) {
            return RepeatStatus.FINISHED;
        }
        PartitionScan scan = scan(step);
        if (HashingPause.before(step, scan, plan.block(block), run.comparison().progress())) {
            return RepeatStatus.CONTINUABLE;
        }
        FindingsScope scope = FindingsScope.of(step.getJobExecution().getJobInstance().getInstanceId());
        long started = System.nanoTime();
        int end = plan.endBlock(partition);
        do {
            BlockRecord record = run.comparison().compareBlock(scope, plan, partition, block, end, scan);
            // read count = blocks compared in this execution (a restarted step may commit once without comparing any)
            contribution.incrementReadCount();
            contribution.incrementWriteCount(record.diffKeys());
            block++;
            // blocks whose hashes one statement read commit together: a crash would lose their hashes anyway
        } while (block < end && scan.hashed(plan.block(block)) && System.nanoTime() - started < COMMIT_AFTER_NANOS);
        // set once all are compared: the context of a failed call is saved too, and must not run ahead of what rolled back
        PartitionPosition.advance(context, block);
        int first = plan.firstBlock(partition);
        new StepProgress(block - first, end - first, StepProgress.Unit.BLOCKS).store(context);
        return block < end ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }

    /**
     * Opens the partition's sessions before its first transaction: a partition that waits for a
     * node's session budget then holds no connection of the job repository, which the partitions
     * holding the sessions need to commit their blocks.
     */
    @Override
    public void beforeStep(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (PartitionPosition.isPartition(context)) {
            DiffPlan plan = run.plan(step.getJobExecution());
            int partition = PartitionPosition.partition(context);
            if (PartitionPosition.nextBlock(context, plan.firstBlock(partition)) < plan.endBlock(partition)) {
                scan(step);
            }
        }
    }

    /** Only the step's own thread asks for its scan; opening one may wait for sessions, so never under the map's lock. */
    private PartitionScan scan(StepExecution step) {
        PartitionScan scan = scans.get(step.getId());
        if (scan == null) {
            scan = run.comparison().openScan();
            scans.put(step.getId(), scan);
        }
        return scan;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        PartitionScan scan = scans.remove(stepExecution.getId());
        if (scan != null) {
            scan.close();
        }
        return stepExecution.getExitStatus();
    }
}
