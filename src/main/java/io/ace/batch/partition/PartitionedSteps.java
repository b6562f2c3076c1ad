package io.ace.batch.partition;

import java.util.Collection;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Builds every partitioned step of every operation, so each decides in one place where its
 * partitions run: on this process's threads, or, for a run that asks for workers, in worker
 * processes ({@link RemotePartitioning}). The step exposes its worker step by name
 * ({@link StepLocator}, which the job's own lookup follows): a worker process finds in the job an
 * operation builds exactly the step the manager would have run.
 */
public final class PartitionedSteps {

    /** Where a partition's work belongs, from its execution context: a region of the cluster file, or null for none. */
    @FunctionalInterface
    public interface Region {
        String of(ExecutionContext partition);

        /** Every partition in the same region. */
        static Region of(String region) {
            return partition -> region;
        }
    }

    private final JobRepository repository;
    private final RemotePartitioning remote;

    public PartitionedSteps(JobRepository repository, RemotePartitioning remote) {
        this.repository = repository;
        this.remote = remote;
    }

    /**
     * The manager step {@code name}: the partitions {@code partitioner} names, each run by {@code worker}
     * (whose name prefixes the partitions'), {@code threads} at a time in this process or all at once
     * on the workers.
     */
    public Step step(String name, Partitioner partitioner, Step worker, int threads, Region region, StepExecutionListener... listeners) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ace-" + worker.getName() + "-");
        executor.setConcurrencyLimit(threads);
        TaskExecutorPartitionHandler local = new TaskExecutorPartitionHandler();
        local.setStep(worker);
        local.setTaskExecutor(executor);
        local.setGridSize(threads);
        PartitionHandler placed = new PartitionHandler() {
            @Override
            public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
                return remote.wanted(manager.getJobExecution().getJobParameters())
                        ? remote.run(splitter, manager, worker.getName(), p -> region.of(p.getExecutionContext()))
                        : local.handle(splitter, manager);
            }
        };
        PartitionStepBuilder builder = new StepBuilder(name, repository).partitioner(worker.getName(), partitioner).step(worker)
                .partitionHandler(placed);
        for (StepExecutionListener l : listeners) {
            builder.listener(l);
        }
        return new LocatingStep(builder.build(), worker);
    }

    /** A manager step that also answers its worker step by name. */
    private record LocatingStep(Step manager, Step worker) implements Step, StepLocator {

        @Override
        public String getName() {
            return manager.getName();
        }

        @Override
        public boolean isAllowStartIfComplete() {
            return manager.isAllowStartIfComplete();
        }

        @Override
        public int getStartLimit() {
            return manager.getStartLimit();
        }

        @Override
        public void execute(StepExecution stepExecution) throws JobInterruptedException {
            manager.execute(stepExecution);
        }

        @Override
        public Step getStep(String stepName) {
            return worker.getName().equals(stepName) ? worker : null;
        }
    }
}
