package io.ace.operation.tablerepair;

import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.KeyRecheck;
import io.ace.replication.ReplicationFence;
import io.ace.difffile.DiffFileKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** After a repair: re-checks every key the diff file names, a batch at a time, on every node of the diff, and records how many still differ. */
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
        try (DiffFileKeys source = new DiffFileKeys(sessions.pools().get(0).open(), table.shape(), diffFile, 0);
             KeyRecheck recheck = new KeyRecheck(sessions, table)) {
            for (List<List<String>> batch = source.next(unit); !batch.isEmpty(); batch = source.next(unit)) {
                keys += batch.size();
                still += recheck.countStillDiffering(batch);
            }
        }
        var context = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        context.putLong(STILL_DIFFERING, still);
        context.putLong(VERIFIED, keys - still);
        return RepeatStatus.FINISHED;
    }
}
