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
 * Partitions of {@link #LEAVES_PER_PARTITION} leaves of the frozen plan (a plan's block is a
 * leaf); their names and bounds follow from the number of leaves alone, so a restart asks for
 * exactly the partitions of the first run.
 */
final class LeafPartitioner implements Partitioner, PartitionNameProvider, StepExecutionListener {

    /** Leaves per partition: the work a restart of an interrupted partition repeats at most (less: it resumes by call). */
    static final int LEAVES_PER_PARTITION = 1024;

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
        for (int p = 0; p < count(plan); p++) {
            partitions.put(name(p), PartitionPosition.start(p, first(p)));
        }
        return partitions;
    }

    @Override
    public Collection<String> getPartitionNames(int gridSize) {
        return IntStream.range(0, count(plan)).mapToObj(LeafPartitioner::name).toList();
    }

    static int count(DiffPlan plan) {
        return (plan.blockCount() + LEAVES_PER_PARTITION - 1) / LEAVES_PER_PARTITION;
    }

    static int first(int partition) {
        return partition * LEAVES_PER_PARTITION;
    }

    static int end(DiffPlan plan, int partition) {
        return Math.min(plan.blockCount(), first(partition + 1));
    }

    private static String name(int partition) {
        return String.format("leaves-%06d", partition);
    }
}
