package io.ace.operation.tablediff;

import io.ace.batch.DiffProgress;
import io.ace.batch.PartitionPosition;
import io.ace.batch.StepProgress;
import io.ace.diff.DiffPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Partitions from the frozen plan, each with its blocks to compare as its progress. Names come
 * from the plan too, so a restart asks for exactly the partitions of the first run and no failed
 * partition can be dropped.
 */
final class FrozenPlanPartitioner implements Partitioner, PartitionNameProvider, StepExecutionListener {

    private final TableDiffRun run;
    private final DiffProgress progress;
    private DiffPlan plan;

    FrozenPlanPartitioner(TableDiffRun run, DiffProgress progress) {
        this.run = run;
        this.progress = progress;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        plan = run.plan(stepExecution.getJobExecution());
        progress.start();
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int p = 0; p < plan.partitionCount(); p++) {
            ExecutionContext context = PartitionPosition.start(p, plan.firstBlock(p));
            StepProgress.of(plan.endBlock(p) - plan.firstBlock(p), StepProgress.Unit.BLOCKS).store(context);
            partitions.put(name(p), context);
        }
        return partitions;
    }

    @Override
    public Collection<String> getPartitionNames(int gridSize) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < plan.partitionCount(); p++) {
            names.add(name(p));
        }
        return names;
    }

    private static String name(int partition) {
        return String.format("partition-%06d", partition);
    }
}
