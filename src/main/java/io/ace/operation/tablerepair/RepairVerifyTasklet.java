package io.ace.operation.tablerepair;

import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.KeyRecheck;
import io.ace.replication.ReplicationFence;
import io.ace.difffile.DiffFileKeys;
import io.ace.repair.MultisetRecount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * After a repair: re-checks every key the diff file names, a batch at a time, on every node of the
 * diff, and records how many still differ; of a multiset, re-counts every listed row's copies on
 * every node, and records how many rows the nodes do not hold as many copies of.
 */
final class RepairVerifyTasklet implements Tasklet {

    static final String STILL_DIFFERING = "ace.still.differing";
    static final String VERIFIED = "ace.verified";

    private final Path diffFile;
    private final ClusterSessions sessions;
    private final ComparedTable table;
    private final int unit;

    RepairVerifyTasklet(Path diffFile, ClusterSessions sessions, ComparedTable table, int unit) {
        this.diffFile = diffFile;
        this.sessions = sessions;
        this.table = table;
        this.unit = unit;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        // what other sessions wrote before now must have replicated before the nodes are compared (bounded wait)
        new ReplicationFence().await(sessions, Duration.ofSeconds(DiffOptions.DEFAULT_RECHECK_TIMEOUT_SECONDS));
        long still = 0;
        long keys = 0;
        if (table.multiset()) {
            try (MultisetRecount recount = new MultisetRecount(sessions, table, diffFile, 0)) {
                for (List<MultisetRecount.Recounted> batch = recount.next(unit); !batch.isEmpty(); batch = recount.next(unit)) {
                    keys += batch.size();
                    still += batch.stream().filter(r -> !r.equal()).count();
                }
            }
            record(chunkContext, keys, still);
            return RepeatStatus.FINISHED;
        }
        try (DiffFileKeys source = new DiffFileKeys(sessions.pools().get(0).open(), table.shape(), diffFile, 0)) {
            for (List<List<String>> batch = source.next(unit); !batch.isEmpty(); batch = source.next(unit)) {
                keys += batch.size();
                // snapshots per batch: once the last key is read, the key reader's session serves them
                try (KeyRecheck recheck = new KeyRecheck(sessions, table)) {
                    still += recheck.countStillDiffering(batch);
                }
            }
        }
        record(chunkContext, keys, still);
        return RepeatStatus.FINISHED;
    }

    /** Of {@code checked} keys (a multiset's distinct rows), {@code still} differ. */
    private static void record(ChunkContext chunkContext, long checked, long still) {
        var context = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        context.putLong(STILL_DIFFERING, still);
        context.putLong(VERIFIED, checked - still);
    }
}
