package io.ace.batch;

import io.ace.batch.partition.PartitionedSteps;
import io.ace.findings.FindingsStore;
import io.ace.report.HtmlReportWriter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What every operation's job is built from: the job repository and its transactions, the
 * findings steps hand each other, the report writer, live progress, and the tool's version.
 *
 * @param maxPartitionWorkers the most partitions one run works on at once: each holds a repository connection
 *                            for as long as it compares a block, so the repository pool is sized from it
 * @param failBeforeBlock     a test hook: the block before which a comparison fails on purpose (-1: never)
 * @param failInTable         with it, the only table that fails ({@code schema.table}; empty: any)
 * @param failWith            with it, how: {@code exception}, {@code out-of-memory} or {@code stack-overflow}
 * @param partitions          builds the partitioned steps, whose partitions run here or on workers
 */
public record BatchResources(JobRepository repository, PlatformTransactionManager transactions, FindingsStore findings,
                             HtmlReportWriter html, DiffProgress progress, String toolVersion, int maxPartitionWorkers,
                             int failBeforeBlock, String failInTable, String failWith, PartitionedSteps partitions) {

    /** The workers a run asked for, within what this process allows. */
    public int partitionWorkers(int asked) {
        return Math.max(1, Math.min(asked, maxPartitionWorkers));
    }
}
