package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import java.util.ArrayList;
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
    private final Map<KeyRange, Map<String, BlockHash>> prefetched = new HashMap<>();

    public PartitionScan(ClusterSessions sessions, ComparedTable table, DiffOptions options) {
        this.nodes = new NodeSnapshots(sessions, table);
        this.comparer = new BlockComparer(nodes.fanOut(), options.compareUnitSize());
    }

    /**
     * Hashes the given ranges on every node, one statement per node: each node runs through all
     * of them at its own pace instead of waiting for the slowest node after every block.
     */
    public void prefetch(List<KeyRange> ranges) throws Exception {
        Map<String, List<BlockHash>> hashes = nodes.onEach(n -> n.hashRanges(ranges));
        for (int r = 0; r < ranges.size(); r++) {
            Map<String, BlockHash> byNode = new LinkedHashMap<>();
            for (Map.Entry<String, List<BlockHash>> e : hashes.entrySet()) {
                byNode.put(e.getKey(), e.getValue().get(r));
            }
            prefetched.put(ranges.get(r), byNode);
        }
    }

    /** Whether every range of the block was hashed ahead. */
    public boolean prefetched(List<KeyRange> block) {
        return prefetched.keySet().containsAll(block);
    }

    /** Compares the ranges of one block (see {@link DiffPlan#block(int)}); differing keys go to {@code sink}. */
    public BlockOutcome compare(List<KeyRange> block, DifferenceSink sink) throws Exception {
        if (!prefetched.keySet().containsAll(block)) {
            return comparer.compare(nodes.all(), block, sink);
        }
        Map<String, List<BlockHash>> hashes = new LinkedHashMap<>();
        for (NodeSnapshot s : nodes.all()) {
            List<BlockHash> list = new ArrayList<>(block.size());
            for (KeyRange r : block) {
                list.add(prefetched.get(r).get(s.node()));
            }
            hashes.put(s.node(), list);
        }
        block.forEach(prefetched::remove);
        return comparer.compare(nodes.all(), block, hashes, sink);
    }

    @Override
    public void close() {
        nodes.close();
    }
}
