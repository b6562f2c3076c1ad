package io.ace.operation.mtreebuild;

import io.ace.batch.StepProgress;
import io.ace.batch.tableset.FrozenText;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Partitions of {@link #LEAVES_PER_PARTITION} leaves of those the plan step froze, each with its
 * first leaf and its leaves to hash as its progress; their names and bounds follow from the
 * number of leaves alone, so a restart asks for exactly the partitions of the first run.
 */
final class LeafPartitioner implements Partitioner, PartitionNameProvider, StepExecutionListener {

    /** Leaves per partition: the work a restart of an interrupted partition repeats at most (less: it resumes by call). */
    static final int LEAVES_PER_PARTITION = 1024;

    /** The run's number of leaves, in the job's context. */
    private static final String LEAVES = "ace.mtree.leaves";
    /** A partition's first leaf, in its context. */
    private static final String FIRST_LEAF = "ace.mtree.first.leaf";

    private final JobRepository repository;
    private int leaves;

    LeafPartitioner(JobRepository repository) {
        this.repository = repository;
    }

    /** Freezes the run's number of leaves, for its partitions and those of a restart. */
    static void freeze(JobExecution execution, int leaves) {
        execution.getExecutionContext().putString(LEAVES, Integer.toString(leaves));
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        leaves = Integer.parseInt(FrozenText.read(stepExecution.getJobExecution(), repository, LEAVES));
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int p = 0; p < count(); p++) {
            int first = p * LEAVES_PER_PARTITION;
            ExecutionContext context = new ExecutionContext();
            context.putInt(FIRST_LEAF, first);
            StepProgress.of(Math.min(leaves, first + LEAVES_PER_PARTITION) - first, StepProgress.Unit.LEAVES).store(context);
            partitions.put(name(p), context);
        }
        return partitions;
    }

    @Override
    public Collection<String> getPartitionNames(int gridSize) {
        return IntStream.range(0, count()).mapToObj(LeafPartitioner::name).toList();
    }

    static int first(ExecutionContext partition) {
        return partition.getInt(FIRST_LEAF);
    }

    private int count() {
        return (leaves + LEAVES_PER_PARTITION - 1) / LEAVES_PER_PARTITION;
    }

    private static String name(int partition) {
        return String.format("leaves-%06d", partition);
    }
}
