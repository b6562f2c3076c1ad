package io.ace.batch;

import io.ace.diff.KeyDifference;
import io.ace.diff.KeyRecheck;
import io.ace.findings.FindingsStore;
import io.ace.findings.StoredDifferences;
import io.ace.replication.ReplicationFence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 3 on a live cluster: a key that differed may have been a change still in flight. Wait
 * until the replication pending now has been applied (a bounded fence), read only the
 * differing keys again on every node, and keep just those that still differ, with the values
 * seen now; the others are counted as transient. Repeated while keys keep resolving.
 */
final class RecheckTasklet implements Tasklet {

    static final String TRANSIENT = "ace.transient";
    static final String SECONDS = "ace.recheck.seconds";
    static final String LAGGING = "ace.recheck.lagging";
    /** Differing keys when the re-check first started. */
    private static final String BEFORE = "ace.recheck.before";

    /** Rounds at most: a real divergence survives all of them, a key updated again in flight rarely twice. */
    private static final int ROUNDS = 3;

    private final TableDiffRun run;
    private final FindingsStore findings;

    RecheckTasklet(TableDiffRun run, FindingsStore findings) {
        this.run = run;
        this.findings = findings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        long instance = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        List<Integer> blocks = findings.blocksWithDifferences(instance);
        // corrections commit as they are made: a restarted re-check counts transient keys from the first attempt's total
        ExecutionContext step = contribution.getStepExecution().getExecutionContext();
        long before = step.containsKey(BEFORE) ? step.getLong(BEFORE) : findings.blocks(instance).stream().mapToLong(b -> b.diffKeys()).sum();
        step.putLong(BEFORE, before);
        if (!run.request().options().recheck() || blocks.isEmpty()) {
            job.putLong(TRANSIENT, run.request().options().recheck() ? before : 0);
            return RepeatStatus.FINISHED;
        }
        long start = System.nanoTime();
        long remaining = before;
        Set<String> lagging = new LinkedHashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            ReplicationFence.Result fence = new ReplicationFence().await(run.sessions(),
                    Duration.ofSeconds(run.request().options().recheckTimeoutSeconds()));
            lagging.addAll(fence.laggingNodes());
            long previous = remaining;
            remaining = 0;
            List<Integer> still = new ArrayList<>();
            try (KeyRecheck recheck = new KeyRecheck(run.sessions(), run.table())) {
                for (int block : blocks) {
                    int left = recheck(recheck, instance, block);
                    if (left > 0) {
                        still.add(block);
                    }
                    remaining += left;
                }
            }
            blocks = still;
            if (remaining == 0 || remaining == previous || !fence.laggingNodes().isEmpty()) {
                // all resolved; or nothing resolved this round, so what is left is real; or replication
                // did not catch up within the timeout, and another round would only wait as long again
                break;
            }
        }
        job.putLong(TRANSIENT, before - remaining);
        job.putDouble(SECONDS, (System.nanoTime() - start) / 1e9);
        job.putString(LAGGING, String.join(",", lagging));
        return RepeatStatus.FINISHED;
    }

    /**
     * Re-reads a block's differing keys a stored run at a time; drops those that resolved and
     * replaces those whose rows changed. Returns how many still differ.
     */
    private int recheck(KeyRecheck recheck, long instance, int block) throws Exception {
        int left = 0;
        // the next run starts after the positions of this one, which a correction may have split
        for (StoredDifferences run = findings.differencesAfter(instance, block, -1); run != null;
                run = findings.differencesAfter(instance, block, run.seq() + run.differences().size() - 1)) {
            List<KeyDifference> now = recheck.current(run.differences());
            List<KeyDifference> still = now.stream().filter(java.util.Objects::nonNull).toList();
            boolean changed = still.size() < now.size();
            for (int i = 0; i < now.size() && !changed; i++) {
                changed = now.get(i) != run.differences().get(i);
            }
            if (changed) {
                findings.replaceDifferences(instance, block, run, still);
            }
            left += still.size();
        }
        return left;
    }
}
