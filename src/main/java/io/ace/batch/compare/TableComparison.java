package io.ace.batch.compare;

import io.ace.batch.BlockFailureInjector;
import io.ace.batch.DiffProgress;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.AgainstOrigin;
import io.ace.diff.BlockOutcome;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.DiffPlan;
import io.ace.diff.KeyDifference;
import io.ace.diff.KeyRecheck;
import io.ace.diff.MultisetComparison;
import io.ace.diff.PartitionScan;
import io.ace.diff.RangePlanner;
import io.ace.findings.BlockRecord;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.findings.StoredKeys;
import io.ace.replication.ReplicationFence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One table's comparison as steps run it, whichever job it belongs to: plan the key space,
 * compare a block and record what it found (committed with the step's progress, so a restart
 * neither loses nor repeats it), and re-check the differing keys after pending replication.
 */
public final class TableComparison {

    /** Rounds at most: a real divergence survives all of them, a key updated again in flight rarely twice. */
    private static final int RECHECK_ROUNDS = 3;
    /** Differing keys when the re-check first started. */
    private static final String RECHECK_BEFORE = "ace.recheck.before";

    private final ClusterSessions sessions;
    private final ComparedTable table;
    private final DiffOptions options;
    private final FindingsStore findings;
    private final DiffProgress progress;
    private final BlockFailureInjector failureInjector;

    public TableComparison(ClusterSessions sessions, ComparedTable table, DiffOptions options, FindingsStore findings,
                           DiffProgress progress, BlockFailureInjector failureInjector) {
        this.sessions = sessions;
        this.table = table;
        this.options = options;
        this.findings = findings;
        this.progress = progress;
        this.failureInjector = failureInjector;
    }

    public ClusterSessions sessions() {
        return sessions;
    }

    public ComparedTable table() {
        return table;
    }

    public DiffOptions options() {
        return options;
    }

    /** The key space cut into blocks and partitions, to be frozen by the caller. */
    public DiffPlan plan() throws Exception {
        return new RangePlanner().plan(sessions, table, options);
    }

    /** Where this comparison reports its blocks and waits. */
    public DiffProgress progress() {
        return progress;
    }

    /** Snapshots of every node for a run of blocks; the caller closes it. */
    public PartitionScan openScan() {
        return new PartitionScan(sessions, table, options, progress);
    }

    /**
     * Compares block {@code block} of {@code plan} (hashing may run ahead up to {@code endBlock})
     * and records its differing keys and its record as findings of {@code scope}.
     */
    public BlockRecord compareBlock(FindingsScope scope, DiffPlan plan, int partition, int block, int endBlock, PartitionScan scan)
            throws Exception {
        failureInjector.beforeBlock(table.shape().name(), block);
        findings.clearBlock(scope, block);
        int[] seq = {0};
        AgainstOrigin against = options.against();
        BlockOutcome outcome = scan.compare(plan.blocks(block, endBlock), unit -> {
            // scoped to one node's writes: a key is kept only where some node's row came from it
            List<KeyDifference> kept = against == null ? unit : unit.stream().filter(against::keeps).toList();
            if (!kept.isEmpty()) {
                findings.addDifferences(scope, block, seq[0], kept);
                seq[0] += kept.size();
            }
        });
        BlockRecord record = new BlockRecord(block, outcome.rowsPerNode(), outcome.mismatchedRanges(), seq[0]);
        findings.saveBlock(scope, partition, record);
        progress.blockDone(record.rowsChecked(), record.mismatched());
        return record;
    }

    /** Counts a multiset's rows per hash bucket on every node at once: one scan per node. */
    public MultisetComparison.Counted countMultiset() throws Exception {
        MultisetComparison.Counted counts = new MultisetComparison(sessions, table).count();
        // one hashing statement on every node at once, as a keyed run counts each of its own
        progress.hashStatement();
        return counts;
    }

    /**
     * Reads the rows of a multiset's differing buckets again, after the replication pending now has
     * been applied (a bounded fence): rows held in a different number of copies somewhere are
     * recorded as findings of {@code scope} (one block; a restart records them anew). A row that
     * differed while in flight is then no longer read as differing: the fence stands for the keyed
     * comparison's re-check, whose result it returns.
     */
    public RecheckResult narrowMultiset(FindingsScope scope, MultisetComparison.Counted counts) throws Exception {
        long start = System.nanoTime();
        List<String> lagging = options.recheck() && !counts.differing().isEmpty()
                ? new ReplicationFence().await(sessions, Duration.ofSeconds(options.recheckTimeoutSeconds())).laggingNodes() : List.of();
        // the narrowing is a multiset's one block
        failureInjector.beforeBlock(table.shape().name(), 0);
        findings.clearBlock(scope, 0);
        int[] seq = {0};
        long differing = new MultisetComparison(sessions, table).narrow(counts,
                options.compareUnitSize(), unit -> {
                    findings.addDifferences(scope, 0, seq[0], unit);
                    seq[0] += unit.size();
                });
        BlockRecord record = new BlockRecord(0, counts.rowsPerNode(), counts.differing().cardinality(), (int) differing);
        findings.saveBlock(scope, 0, record);
        progress.blockDone(record.rowsChecked(), record.mismatched());
        return new RecheckResult(0, (System.nanoTime() - start) / 1e9, List.copyOf(lagging));
    }

    /**
     * A key that differed may have been a change still in flight. Waits until the replication
     * pending now has been applied (a bounded fence), reads only the differing keys' row hashes
     * again on every node (full rows only where a row changed), and keeps just those that still
     * differ, with the values seen now; the others are counted as transient. Repeated while keys
     * keep resolving. Corrections commit as they are made, so {@code context} (the step's) keeps
     * the count of differing keys the first attempt started from, for a restarted one.
     */
    public RecheckResult recheck(FindingsScope scope, ExecutionContext context) throws Exception {
        List<Integer> blocks = findings.blocksWithDifferences(scope);
        long before = context.containsKey(RECHECK_BEFORE) ? context.getLong(RECHECK_BEFORE)
                : findings.blocks(scope).stream().mapToLong(BlockRecord::diffKeys).sum();
        context.putLong(RECHECK_BEFORE, before);
        if (!options.recheck() || blocks.isEmpty()) {
            return options.recheck() ? new RecheckResult(before, 0, List.of()) : RecheckResult.NONE;
        }
        long start = System.nanoTime();
        long remaining = before;
        Set<String> lagging = new LinkedHashSet<>();
        for (int round = 0; round < RECHECK_ROUNDS; round++) {
            ReplicationFence.Result fence = new ReplicationFence().await(sessions, Duration.ofSeconds(options.recheckTimeoutSeconds()));
            lagging.addAll(fence.laggingNodes());
            long previous = remaining;
            remaining = 0;
            List<Integer> still = new ArrayList<>();
            try (KeyRecheck recheck = new KeyRecheck(sessions, table)) {
                for (int block : blocks) {
                    int left = recheck(recheck, scope, block);
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
        return new RecheckResult(before - remaining, (System.nanoTime() - start) / 1e9, List.copyOf(lagging));
    }

    /**
     * Re-reads a block's differing keys a stored run at a time; drops those that resolved and
     * replaces those whose rows changed. Returns how many still differ.
     */
    private int recheck(KeyRecheck recheck, FindingsScope scope, int block) throws Exception {
        int left = 0;
        // the next run starts after the positions of this one, which a correction may have split
        for (StoredKeys run = findings.keysAfter(scope, block, -1); run != null;
                run = findings.keysAfter(scope, block, run.seq() + run.keys().size() - 1)) {
            KeyRecheck.Current now = recheck.current(run.keys());
            if (!now.asRecorded()) {
                List<KeyDifference> recorded = findings.differencesAt(scope, block, run.seq());
                List<KeyDifference> still = new ArrayList<>(recorded.size());
                Set<Integer> resolved = new HashSet<>(now.resolved());
                for (int i = 0; i < recorded.size(); i++) {
                    if (!resolved.contains(i)) {
                        still.add(now.changed().getOrDefault(i, recorded.get(i)));
                    }
                }
                findings.replaceDifferences(scope, block, run, still);
            }
            left += run.keys().size() - now.resolved().size();
        }
        return left;
    }
}
