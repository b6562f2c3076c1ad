package io.ace.operation.tablererun;

import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.KeyRecheck;
import io.ace.difffile.DiffFileReader;
import io.ace.findings.BlockRecord;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.replication.ReplicationFence;
import io.ace.difffile.DifferenceJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Re-checks the diff file's keys one batch per call, after waiting (bounded) for the replication
 * pending at its start; a batch's findings commit with the position of the next batch, so a
 * restart continues where it stopped.
 */
final class RerunTasklet implements Tasklet {

    static final String NEXT = "next.key";
    static final String KEYS = "keys";

    private final TableRerunRequest request;
    private final ClusterSessions sessions;
    private final ComparedTable table;
    private final FindingsStore findings;
    private List<List<String>> keys;

    RerunTasklet(TableRerunRequest request, ClusterSessions sessions, ComparedTable table, FindingsStore findings) {
        this.request = request;
        this.sessions = sessions;
        this.table = table;
        this.findings = findings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        if (keys == null) {
            keys = new DiffFileReader(request.diffFile()).distinctKeys(table.shape().primaryKey());
            // rows written before now must have replicated before they are judged (bounded wait)
            new ReplicationFence().await(sessions, Duration.ofSeconds(DiffOptions.DEFAULT_RECHECK_TIMEOUT_SECONDS));
        }
        context.putLong(KEYS, keys.size());
        int from = context.getInt(NEXT, 0);
        int to = Math.min(keys.size(), from + request.compareUnitSize());
        long instance = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        int batch = from / request.compareUnitSize();
        findings.clearBlock(FindingsScope.of(instance), batch);
        List<String> still;
        try (KeyRecheck recheck = new KeyRecheck(sessions, table, request.compareUnitSize())) {
            still = DifferenceJson.writeAll(table.shape(), recheck.stillDiffering(keys.subList(from, to)));
        }
        findings.addDifferences(FindingsScope.of(instance), batch, 0, still);
        findings.saveBlock(FindingsScope.of(instance), 0, new BlockRecord(batch, Map.of(), still.isEmpty() ? 0 : 1, still.size()));
        context.putInt(NEXT, to);
        contribution.incrementWriteCount(still.size());
        return to < keys.size() ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }
}
