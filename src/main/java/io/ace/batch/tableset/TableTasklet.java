package io.ace.batch.tableset;

import io.ace.batch.HashingPause;
import io.ace.batch.PlanCodec;
import io.ace.batch.StepProgress;
import io.ace.batch.compare.DiffFileAssembler;
import io.ace.batch.compare.MultisetCounts;
import io.ace.batch.compare.RecheckResult;
import io.ace.batch.compare.TableComparison;
import io.ace.diff.DiffPlan;
import io.ace.diff.MultisetComparison;
import io.ace.diff.PartitionScan;
import io.ace.findings.FindingsScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Compares one table of the set, a step at a time, each committed with what it found: check the
 * table on every node and freeze its own plan; then one block per call; then the re-check of its
 * differing keys; then its diff file. A table without a key goes through its multiset's steps instead. A restart resumes the table after its last committed step,
 * with the plan it froze. Many tables run at once, so each partition's work is kept by step execution.
 */
final class TableTasklet implements Tasklet, StepExecutionListener {

    private static final String PLAN = "ace.table.plan";
    private static final String NEXT_BLOCK = "ace.table.next.block";

    /** Builds the comparison of one table on the launch's sessions: the checks against the nodes happen here. */
    @FunctionalInterface
    interface Comparisons {
        TableComparison of(TableEntry entry);
    }

    /** One partition's table: its comparison, frozen plan and open scan. */
    private static final class Work {
        final TableComparison comparison;
        DiffPlan plan;
        PartitionScan scan;
        int scanPartition = -1;

        Work(TableComparison comparison) {
            this.comparison = comparison;
        }

        PartitionScan scanOf(int partition) {
            if (scanPartition != partition) {
                close();
                // one snapshot per node for each partition of the table's plan, as table-diff does
                scan = comparison.openScan();
                scanPartition = partition;
            }
            return scan;
        }

        void close() {
            if (scan != null) {
                scan.close();
                scan = null;
                scanPartition = -1;
            }
        }
    }

    private final JobRepository repository;
    private final Comparisons comparisons;
    private final DiffFileAssembler assembler;
    private final DiffFileAssembler.Output output;
    private final Map<Long, Work> works = new ConcurrentHashMap<>();

    TableTasklet(JobRepository repository, Comparisons comparisons, DiffFileAssembler assembler, DiffFileAssembler.Output output) {
        this.repository = repository;
        this.comparisons = comparisons;
        this.assembler = assembler;
        this.output = output;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        try {
            return step(contribution);
        } catch (Exception e) {
            throw new TableFailure(contribution.getStepExecution().getExecutionContext().getString(TablePartitioner.TABLE), e);
        }
    }

    private RepeatStatus step(StepContribution contribution) throws Exception {
        StepExecution step = contribution.getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        JobExecution job = step.getJobExecution();
        int index = context.getInt(TablePartitioner.INDEX);
        FindingsScope scope = new FindingsScope(job.getJobInstance().getInstanceId(), index);
        Work work = works.get(step.getId());
        if (work == null) {
            work = new Work(comparisons.of(TableSet.of(job, repository).tables().get(index)));
            works.put(step.getId(), work);
            if (context.containsKey(PLAN)) {
                work.plan = PlanCodec.decode(context.getString(PLAN));
            }
        }
        if (work.comparison.table().multiset()) {
            return multiset(contribution, work.comparison, scope);
        }
        if (work.plan == null) {
            work.plan = work.comparison.plan();
            context.putString(PLAN, PlanCodec.encode(work.plan));
            return RepeatStatus.CONTINUABLE;
        }
        DiffPlan plan = work.plan;
        int block = context.getInt(NEXT_BLOCK, 0);
        if (block < plan.blockCount()) {
            int partition = block / plan.blocksPerPartition();
            if (HashingPause.before(step, work.scanOf(partition), plan.block(block), work.comparison.progress())) {
                return RepeatStatus.CONTINUABLE;
            }
            work.comparison.compareBlock(scope, plan, partition, block, plan.endBlock(partition), work.scanOf(partition));
            contribution.incrementReadCount();
            context.putInt(NEXT_BLOCK, block + 1);
            return RepeatStatus.CONTINUABLE;
        }
        work.close();
        if (!RecheckResult.storedIn(context)) {
            work.comparison.recheck(scope, context).store(context);
            return RepeatStatus.CONTINUABLE;
        }
        return finish(contribution, TableResult.of(assembler.write(work.comparison, scope, plan, RecheckResult.from(context), job, output)));
    }

    /**
     * A table without a key, a step at a time as table-diff runs it: count every node's hash buckets,
     * narrow the differing ones after pending replication, write the diff file.
     */
    private RepeatStatus multiset(StepContribution contribution, TableComparison comparison, FindingsScope scope) throws Exception {
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        if (!MultisetCounts.storedIn(context)) {
            MultisetCounts.store(comparison.countMultiset(), context);
            return RepeatStatus.CONTINUABLE;
        }
        MultisetComparison.Counted counts = MultisetCounts.from(context);
        if (!RecheckResult.storedIn(context)) {
            comparison.narrowMultiset(scope, counts).store(context);
            return RepeatStatus.CONTINUABLE;
        }
        return finish(contribution, TableResult.of(assembler.writeMultiset(comparison, scope, counts, RecheckResult.from(context),
                contribution.getStepExecution().getJobExecution(), output)));
    }

    private static RepeatStatus finish(StepContribution contribution, TableResult result) {
        result.store(contribution.getStepExecution().getExecutionContext());
        StepProgress.of(1, StepProgress.Unit.TABLES).finished().store(contribution.getStepExecution().getExecutionContext());
        contribution.incrementWriteCount(result.differingRows());
        return RepeatStatus.FINISHED;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        Work work = works.remove(stepExecution.getId());
        if (work != null) {
            work.close();
        }
        return stepExecution.getExitStatus();
    }
}
