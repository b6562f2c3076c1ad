package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts the key space into blocks of about {@code blockSize} rows, from a page sample of the
 * largest node's keys: boundaries follow where the keys really are, not an assumed even spread.
 */
public final class RangePlanner {

    /** Sampled keys per block: enough that block sizes stay within a few percent of the target. */
    private static final int SAMPLES_PER_BLOCK = 50;
    private static final int MIN_SAMPLE = 2_000;

    public DiffPlan plan(ClusterSessions sessions, ComparedTable table, DiffOptions options) throws Exception {
        List<NodeSnapshot> snapshots = new ArrayList<>();
        try (NodeFanOut fanOut = new NodeFanOut(sessions.pools().size())) {
            for (NodePool pool : sessions.pools()) {
                snapshots.add(new NodeSnapshot(pool, table.queries()));
            }
            Map<String, Long> estimates = fanOut.onEach(snapshots, NodeSnapshot::estimatedRows);
            String largest = estimates.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            long rows = estimates.get(largest);
            int blocks = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, (rows + options.blockSize() - 1) / options.blockSize()));
            List<List<String>> splits = List.of();
            if (blocks > 1) {
                NodeSnapshot source = snapshots.stream().filter(s -> s.node().equals(largest)).findFirst().orElseThrow();
                long wanted = Math.max(MIN_SAMPLE, (long) blocks * SAMPLES_PER_BLOCK);
                List<List<String>> sample = source.sampleKeys(100.0 * wanted / Math.max(1, rows));
                if (sample.size() < blocks * 4L) {
                    sample = source.sampleKeys(100.0);
                }
                splits = splitsFrom(sample, blocks);
            }
            return DiffPlan.of(splits, options.workers(), rows);
        } finally {
            snapshots.forEach(NodeSnapshot::close);
        }
    }

    /** Every (n/blocks)-th sampled key: {@code blocks - 1} split keys, strictly increasing. */
    static List<List<String>> splitsFrom(List<List<String>> sortedSample, int blocks) {
        List<List<String>> splits = new ArrayList<>();
        int n = sortedSample.size();
        int cuts = Math.min(blocks - 1, n);
        List<String> previous = null;
        for (int i = 1; i <= cuts; i++) {
            List<String> key = sortedSample.get((int) ((long) i * n / (cuts + 1)));
            if (!key.equals(previous)) {
                splits.add(key);
                previous = key;
            }
        }
        return splits;
    }
}
