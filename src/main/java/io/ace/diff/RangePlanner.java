package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts the key space into blocks of about {@code blockSize} rows, each made of up to
 * {@link #RANGES_PER_BLOCK} ranges, from a sample of the largest node's keys (a row of each of
 * pages spread evenly over the table): boundaries follow where the keys really are, not an
 * assumed even spread. Hashing a block returns one hash per range at the cost of one scan, so a
 * difference is narrowed within a small range, not a whole block.
 */
public final class RangePlanner {

    /** Sampled pages (one key each) per range: ranges vary in size, blocks of 16 ranges much less; narrowing a big range costs little. */
    private static final int PAGES_PER_RANGE = 3;
    /** Ranges per block. */
    static final int RANGES_PER_BLOCK = 16;
    /** Smallest range worth its own hash: below it, per-range overhead outweighs narrowing saved. */
    static final int MIN_RANGE_ROWS = 100;

    public DiffPlan plan(ClusterSessions sessions, ComparedTable table, DiffOptions options) throws Exception {
        try (NodeSnapshots nodes = new NodeSnapshots(sessions, table)) {
            Map<String, Long> estimates = nodes.onEach(NodeSnapshot::estimatedRows);
            String largest = estimates.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            long rows = estimates.get(largest);
            int blocks = (int) Math.max(1, Math.min(Integer.MAX_VALUE / RANGES_PER_BLOCK, (rows + options.blockSize() - 1) / options.blockSize()));
            int rangesPerBlock = (int) Math.max(1, Math.min(RANGES_PER_BLOCK, Math.min(options.blockSize(), rows) / MIN_RANGE_ROWS));
            int ranges = blocks * rangesPerBlock;
            List<List<String>> splits = List.of();
            if (ranges > 1) {
                NodeSnapshot source = nodes.all().stream().filter(s -> s.node().equals(largest)).findFirst().orElseThrow();
                List<List<String>> sample = source.sampleKeys(ranges * PAGES_PER_RANGE);
                if (sample.size() >= ranges) {
                    splits = splitsFrom(sample, ranges);
                } else {
                    // a small table (or tiny ranges): too few pages to sample, so take exact quantiles
                    List<List<String>> quantiles = source.everyNthKey(Math.max(1, rows / ranges));
                    splits = quantiles.subList(0, Math.min(quantiles.size(), ranges - 1));
                }
            }
            return DiffPlan.of(splits, rangesPerBlock, options.workers(), rows);
        }
    }

    /** Every (n/ranges)-th sampled key: at most {@code ranges - 1} split keys, strictly increasing. */
    static List<List<String>> splitsFrom(List<List<String>> sortedSample, int ranges) {
        List<List<String>> splits = new ArrayList<>();
        int n = sortedSample.size();
        int cuts = Math.min(ranges - 1, n);
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
