package io.ace.batch;

import io.ace.diff.BlockOutcome;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffPlan;
import io.ace.diff.PartitionScan;
import io.ace.findings.BlockRecord;
import io.ace.findings.FindingsStore;
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
 * a second) and commits their findings together with the partition's next block, so a restart
 * resumes after the last committed block and records nothing twice. The worker step runs for many partitions at
 * once, so per-partition scans are kept by step execution.
 */
final class HashPartitionTasklet implements Tasklet, StepExecutionListener {

    private final TableDiffRun run;
    private final FindingsStore findings;
    private final DiffProgress progress;
    private final BlockFailureInjector failureInjector;
    /** Blocks already hashed are compared and committed together for at most this long. */
    private static final long COMMIT_AFTER_NANOS = 1_000_000_000L;

    private final Map<Long, PartitionScan> scans = new ConcurrentHashMap<>();

    HashPartitionTasklet(TableDiffRun run, FindingsStore findings, DiffProgress progress, BlockFailureInjector failureInjector) {
        this.run = run;
        this.findings = findings;
        this.progress = progress;
        this.failureInjector = failureInjector;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        DiffPlan plan = run.plan(step.getJobExecution());
        int partition = context.getInt(FrozenPlanPartitioner.PARTITION);
        int block = context.getInt(FrozenPlanPartitioner.NEXT_BLOCK);
        if (block >= plan.endBlock(partition)) {
            return RepeatStatus.FINISHED;
        }
        ComparedTable table = run.table();
        PartitionScan scan = scans.computeIfAbsent(step.getId(),
                id -> new PartitionScan(run.sessions(), table, run.request().options(), progress));
        long instance = step.getJobExecution().getJobInstance().getInstanceId();
        long started = System.nanoTime();
        int end = plan.endBlock(partition);
        do {
            compare(contribution, scan, plan, instance, partition, block);
            block++;
            // blocks whose hashes one statement read commit together: a crash would lose their hashes anyway
        } while (block < end && scan.hashed(plan.block(block)) && System.nanoTime() - started < COMMIT_AFTER_NANOS);
        // set once all compared: the context of a failed call is saved too, and must not run ahead of what rolled back
        context.putInt(FrozenPlanPartitioner.NEXT_BLOCK, block);
        return block < end ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }

    private void compare(StepContribution contribution, PartitionScan scan, DiffPlan plan, long instance, int partition, int block)
            throws Exception {
        failureInjector.beforeBlock(block);
        findings.clearBlock(instance, block);
        int[] seq = {0};
        BlockOutcome outcome = scan.compare(plan.blocks(block, plan.endBlock(partition)), unit -> {
            findings.addDifferences(instance, block, seq[0], unit);
            seq[0] += unit.size();
        });
        BlockRecord record = new BlockRecord(block, outcome.rowsPerNode(), outcome.mismatchedRanges(), outcome.differingKeys());
        findings.saveBlock(instance, partition, record);
        // read count = blocks compared in this execution (a restarted step may commit once without comparing any)
        contribution.incrementReadCount();
        contribution.incrementWriteCount(outcome.differingKeys());
        progress.blockDone(record.rowsChecked(), record.mismatched());
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
