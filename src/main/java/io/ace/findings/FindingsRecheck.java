package io.ace.findings;

import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.KeyRecheck;
import io.ace.difffile.DifferenceJson;
import io.ace.replication.ReplicationFence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The re-check of a run's recorded differences on a live cluster: a key that differed may have
 * been a change still in flight. Wait until the replication pending now has been applied (a
 * bounded fence), read only the differing keys again on every node, and keep just those that
 * still differ, with the values seen now. Repeated while keys keep resolving.
 */
public final class FindingsRecheck {

    /** Rounds at most: a real divergence survives all of them, a key updated again in flight rarely twice. */
    private static final int ROUNDS = 3;

    /**
     * @param transientKeys keys that resolved (counted, not reported)
     * @param seconds       how long the re-check took
     * @param laggingNodes  nodes whose subscribers had not caught up when the fence's wait ended
     */
    public record Result(long transientKeys, double seconds, Set<String> laggingNodes) {
    }

    private final FindingsStore findings;

    public FindingsRecheck(FindingsStore findings) {
        this.findings = findings;
    }

    public Result run(long instance, ClusterSessions sessions, ComparedTable table, int compareUnitSize, Duration timeout) throws Exception {
        List<Integer> blocks = findings.blocksWithDifferences(instance);
        long start = System.nanoTime();
        long before = findings.blocks(instance).stream().mapToLong(BlockRecord::diffKeys).sum();
        long remaining = before;
        Set<String> lagging = new LinkedHashSet<>();
        for (int round = 0; round < ROUNDS && !blocks.isEmpty(); round++) {
            ReplicationFence.Result fence = new ReplicationFence().await(sessions, timeout);
            lagging.addAll(fence.laggingNodes());
            long previous = remaining;
            remaining = 0;
            List<Integer> still = new ArrayList<>();
            for (int block : blocks) {
                int left = recheck(instance, block, sessions, table, compareUnitSize);
                if (left > 0) {
                    still.add(block);
                }
                remaining += left;
            }
            blocks = still;
            if (remaining == 0 || remaining == previous || !fence.laggingNodes().isEmpty()) {
                // all resolved; or nothing resolved this round, so what is left is real; or replication
                // did not catch up within the timeout, and another round would only wait as long again
                break;
            }
        }
        return new Result(before - remaining, (System.nanoTime() - start) / 1e9, lagging);
    }

    /** Re-reads a block's differing keys; returns how many still differ. */
    private int recheck(long instance, int block, ClusterSessions sessions, ComparedTable table, int compareUnitSize) throws Exception {
        List<List<String>> keys = new ArrayList<>();
        for (String json : findings.differences(instance, block)) {
            keys.add(DifferenceJson.key(DifferenceJson.read(json)));
        }
        List<String> still;
        try (KeyRecheck recheck = new KeyRecheck(sessions, table, compareUnitSize)) {
            still = DifferenceJson.writeAll(table.shape(), recheck.stillDiffering(keys));
        }
        findings.replaceDifferences(instance, block, still);
        return still.size();
    }
}
