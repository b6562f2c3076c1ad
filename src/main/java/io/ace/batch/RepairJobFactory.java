package io.ace.batch;

import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.findings.FindingsStore;
import io.ace.report.HtmlReportWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds the table-repair job: repair (one partition per target node, all at once), verify, report. */
public final class RepairJobFactory {

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final FindingsStore findings;
    private final HtmlReportWriter html;

    public RepairJobFactory(JobRepository repository, PlatformTransactionManager transactions, FindingsStore findings,
                            HtmlReportWriter html) {
        this.repository = repository;
        this.transactions = transactions;
        this.findings = findings;
        this.html = html;
    }

    public Job build(TableRepairRequest request, ClusterSessions sessions, ComparedTable table, List<String> targets) {
        Step node = new StepBuilder("repair-node", repository)
                .tasklet(new RepairApplyTasklet(request, sessions, table, findings), transactions).build();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ace-repair-");
        executor.setConcurrencyLimit(Math.max(1, targets.size()));
        Step repair = new StepBuilder("repair", repository).partitioner("repair-node", new NodePartitioner(targets))
                .step(node).gridSize(targets.size()).taskExecutor(executor).build();
        Step verify = new StepBuilder("verify", repository).tasklet(request.options().dryRun()
                ? (contribution, context) -> RepeatStatus.FINISHED
                : new RepairVerifyTasklet(request.diffFile(), sessions, table, DiffOptions.DEFAULT_COMPARE_UNIT_SIZE), transactions).build();
        Step report = new StepBuilder("report", repository)
                .tasklet(new RepairReportTasklet(request, targets, sessions.nodeNames(), findings, html, repository), transactions).build();
        return new JobBuilder(TableRepairRequest.JOB_NAME, repository).listener(new FindingsRetention(findings)).start(repair).next(verify).next(report).build();
    }

    /** One partition per target node; names from the node list, so a restart finds the same ones. */
    private record NodePartitioner(List<String> targets) implements Partitioner, PartitionNameProvider {
        @Override
        public Map<String, ExecutionContext> partition(int gridSize) {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (String t : targets) {
                ExecutionContext c = new ExecutionContext();
                c.putString(RepairApplyTasklet.NODE, t);
                partitions.put("node-" + t, c);
            }
            return partitions;
        }

        @Override
        public Collection<String> getPartitionNames(int gridSize) {
            List<String> names = new ArrayList<>();
            targets.forEach(t -> names.add("node-" + t));
            return names;
        }
    }
}
