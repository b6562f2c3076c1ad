package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks of one partition, compared on every node from one snapshot per node. Open it,
 * compare blocks in any order, close it.
 */
public final class PartitionScan implements AutoCloseable {

    private final NodeSnapshots nodes;
    private final BlockComparer comparer;
    private final Throttle throttle;
    private final QueryPacer pacer;
    private final ScanListener listener;
    private final Map<KeyRange, Map<String, BlockHash>> hashed = new HashMap<>();

    public PartitionScan(ClusterSessions sessions, ComparedTable table, DiffOptions options, ScanListener listener) {
        this.nodes = new NodeSnapshots(sessions, table);
        this.comparer = new BlockComparer(nodes.fanOut(), options.compareUnitSize());
        this.throttle = options.throttle();
        this.pacer = new QueryPacer(options.targetQuerySeconds());
        this.listener = listener;
    }

    /**
     * Compares the first of {@code upcoming} (the partition's blocks from here on, see
     * {@link DiffPlan#block(int)}); differing keys go to {@code sink}. Hashing runs ahead:
     * when the block is not hashed yet, one statement per node hashes as many upcoming blocks
     * as the pacer allows, each node at its own pace. Ask {@link #pauseReason} first.
     */
    public BlockOutcome compare(List<List<KeyRange>> upcoming, DifferenceSink sink) throws Exception {
        List<KeyRange> block = upcoming.get(0);
        if (!hashed(block)) {
            int blocks = pacer.nextBlocks(upcoming.size());
            List<KeyRange> ranges = upcoming.subList(0, blocks).stream().flatMap(List::stream).toList();
            long started = System.nanoTime();
            Map<String, List<BlockHash>> byNode = nodes.onEach(n -> n.hashRanges(ranges));
            pacer.observed(blocks, System.nanoTime() - started);
            listener.hashStatement();
            for (int r = 0; r < ranges.size(); r++) {
                Map<String, BlockHash> range = new LinkedHashMap<>();
                for (Map.Entry<String, List<BlockHash>> e : byNode.entrySet()) {
                    range.put(e.getKey(), e.getValue().get(r));
                }
                hashed.put(ranges.get(r), range);
            }
        }
        List<Map<String, BlockHash>> hashes = block.stream().map(hashed::remove).toList();
        return comparer.compare(nodes.all(), block, hashes, sink);
    }

    /**
     * Finds the differing keys of ranges already known to differ (a Merkle tree's mismatched
     * leaves), given in key order with about how many rows each holds, without hashing them again;
     * differing keys go to {@code sink}. Returns how many keys differ.
     */
    public int narrow(List<KeyRange> ranges, List<Long> rows, DifferenceSink sink) throws Exception {
        return comparer.narrow(nodes.all(), ranges, rows, sink);
    }

    /**
     * Why hashing must wait before comparing {@code block} (a node over {@code --max-load} or
     * {@code --max-lag}), or null when it may go on: a block hashed ahead needs no wait.
     */
    public String pauseReason(List<KeyRange> block) throws SQLException {
        return !throttle.active() || hashed(block) ? null : throttle.overLimit(nodes.all());
    }

    /** Whether a block's ranges were hashed already (comparing it runs no hashing statement). */
    public boolean hashed(List<KeyRange> block) {
        return hashed.keySet().containsAll(block);
    }

    @Override
    public void close() {
        nodes.close();
    }
}
