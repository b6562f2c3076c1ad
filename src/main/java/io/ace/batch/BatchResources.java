package io.ace.batch;

import io.ace.batch.partition.PartitionedSteps;
import io.ace.findings.FindingsStore;
import io.ace.report.HtmlReportWriter;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What every operation's job is built from: the job repository and its transactions, the
 * findings steps hand each other, the report writer, live progress, and the tool's version.
 *
 * @param maxPartitionWorkers the most partitions one run works on at once: each holds a repository connection
 *                            for as long as it compares a block, so the repository pool is sized from it
 * @param failures            where comparisons fail on purpose: nowhere but in tests of restarts and errors
 * @param partitions          builds the partitioned steps, whose partitions run here or on workers
 * @param repairPlans         the directory of the repair plans a launch may name ({@code ace.home/plans})
 */
public record BatchResources(JobRepository repository, PlatformTransactionManager transactions, FindingsStore findings,
                             HtmlReportWriter html, DiffProgress progress, String toolVersion, int maxPartitionWorkers,
                             BlockFailureInjector failures, PartitionedSteps partitions, java.nio.file.Path repairPlans) {

    /**
     * A step of one tasklet, each call in a transaction of the repository; a tasklet that also
     * hears its step's start and end (to open and close what it holds) is registered for them.
     */
    public Step step(String name, Tasklet tasklet) {
        var builder = new StepBuilder(name, repository).tasklet(tasklet, transactions);
        if (tasklet instanceof StepExecutionListener listener) {
            builder.listener(listener);
        }
        return builder.build();
    }

    /** The workers a run asked for, within what this process allows. */
    public int partitionWorkers(int asked) {
        return Math.max(1, Math.min(asked, maxPartitionWorkers));
    }
}
