package io.ace.operation.mtreebuild;

import io.ace.batch.DiffProgress;
import io.ace.batch.PartitionPosition;
import io.ace.batch.RunContext;
import io.ace.diff.DiffPlan;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Partitions of leaves from the frozen plan (a plan's block is a leaf); their names come from the
 * plan too, so a restart asks for exactly the partitions of the first run.
 */
final class LeafPartitioner implements Partitioner, PartitionNameProvider, StepExecutionListener {

    private final JobRepository repository;
    private final DiffProgress progress;
    private DiffPlan plan;

    LeafPartitioner(JobRepository repository, DiffProgress progress) {
        this.repository = repository;
        this.progress = progress;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        plan = RunContext.frozenPlan(stepExecution.getJobExecution(), repository);
        progress.start(plan.blockCount(), 0);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int p = 0; p < plan.partitionCount(); p++) {
            partitions.put(name(p), PartitionPosition.start(p, plan.firstBlock(p)));
        }
        return partitions;
    }

    @Override
    public Collection<String> getPartitionNames(int gridSize) {
        return IntStream.range(0, plan.partitionCount()).mapToObj(LeafPartitioner::name).toList();
    }

    private static String name(int partition) {
        return String.format("leaves-%06d", partition);
    }
}
