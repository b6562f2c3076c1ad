package io.ace.batch.tableset;

import io.ace.batch.DiffProgress;
import io.ace.batch.StepProgress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per compared table of the frozen set, named by its place in the set: a restart
 * asks for exactly the partitions of the first run, and runs only those that did not complete.
 * Each partition's progress is its one table.
 */
final class TablePartitioner implements Partitioner, PartitionNameProvider, StepExecutionListener {

    static final String INDEX = "ace.table.index";
    static final String TABLE = "ace.table";

    private final JobRepository repository;
    private final DiffProgress progress;
    private TableSet tables;

    TablePartitioner(JobRepository repository, DiffProgress progress) {
        this.repository = repository;
        this.progress = progress;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        tables = TableSet.of(stepExecution.getJobExecution(), repository);
        progress.start();
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < tables.tables().size(); i++) {
            TableEntry entry = tables.tables().get(i);
            if (entry.compared()) {
                ExecutionContext context = new ExecutionContext();
                context.putInt(INDEX, i);
                context.putString(TABLE, entry.name().toString());
                StepProgress.of(1, StepProgress.Unit.TABLES).store(context);
                partitions.put(name(i), context);
            }
        }
        return partitions;
    }

    @Override
    public Collection<String> getPartitionNames(int gridSize) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tables.tables().size(); i++) {
            if (tables.tables().get(i).compared()) {
                names.add(name(i));
            }
        }
        return names;
    }

    static String name(int index) {
        return String.format("table-%05d", index);
    }
}
