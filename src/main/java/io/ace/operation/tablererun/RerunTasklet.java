package io.ace.operation.tablererun;

import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.KeyDifference;
import io.ace.diff.KeyRecheck;
import io.ace.difffile.DiffFileKeys;
import io.ace.findings.BlockRecord;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.repair.MultisetRecount;
import io.ace.replication.ReplicationFence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Re-checks the diff file's keys one batch per call, after waiting (bounded) for the replication
 * pending at its start; a batch's findings commit with the position of the next batch, so a
 * restart continues where it stopped. The keys come from the file a batch at a time. Of a
 * multiset (a table without a key), every listed row's copies are counted again on every node at
 * the start, and a batch is the next listed rows: those whose copies differ between nodes are its
 * findings, identified by their row hash.
 */
final class RerunTasklet implements Tasklet, StepExecutionListener {

    static final String NEXT = "next.key";

    private final TableRerunRequest request;
    private final ClusterSessions sessions;
    private final ComparedTable table;
    private final FindingsStore findings;
    private DiffFileKeys keys;
    /** Of a multiset, every listed row's copies counted again on every node, instead of the keys. */
    private MultisetRecount recount;

    RerunTasklet(TableRerunRequest request, ClusterSessions sessions, ComparedTable table, FindingsStore findings) {
        this.request = request;
        this.sessions = sessions;
        this.table = table;
        this.findings = findings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        int from = context.getInt(NEXT, 0);
        if (keys == null && recount == null) {
            // rows written before now must have replicated before they are judged (bounded wait)
            new ReplicationFence().await(sessions, Duration.ofSeconds(DiffOptions.DEFAULT_RECHECK_TIMEOUT_SECONDS));
            if (table.multiset()) {
                recount = new MultisetRecount(sessions, table, request.diffFile(), from);
            } else {
                keys = new DiffFileKeys(sessions.pools().get(0).open(), table.shape(), request.diffFile(), from);
            }
        }
        FindingsScope scope = FindingsScope.of(contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId());
        int batchNo = from / request.compareUnitSize();
        findings.clearBlock(scope, batchNo);
        int read;
        List<KeyDifference> still;
        if (recount != null) {
            List<MultisetRecount.Recounted> batch = recount.next(request.compareUnitSize());
            read = batch.size();
            still = batch.stream().filter(r -> !r.equal()).map(MultisetRecount.Recounted::difference).toList();
        } else {
            List<List<String>> batch = keys.next(request.compareUnitSize());
            read = batch.size();
            try (KeyRecheck recheck = new KeyRecheck(sessions, table)) {
                still = recheck.stillDiffering(batch);
            }
        }
        findings.addDifferences(scope, batchNo, 0, still);
        findings.saveBlock(scope, 0, new BlockRecord(batchNo, Map.of(), still.isEmpty() ? 0 : 1, still.size()));
        context.putInt(NEXT, from + read);
        contribution.incrementWriteCount(still.size());
        return read == request.compareUnitSize() ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (keys != null) {
            keys.close();
            keys = null;
        }
        if (recount != null) {
            recount.close();
            recount = null;
        }
        return stepExecution.getExitStatus();
    }
}
