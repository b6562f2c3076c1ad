package io.ace.diff;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodePool;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks of one partition, compared on every node from one snapshot per node. Open it,
 * compare blocks in any order, close it.
 */
public final class PartitionScan implements AutoCloseable {

    private final List<NodeSnapshot> snapshots = new ArrayList<>();
    private final NodeFanOut fanOut;
    private final BlockComparer comparer;

    public PartitionScan(ClusterSessions sessions, ComparedTable table, DiffOptions options) {
        this.fanOut = new NodeFanOut(sessions.pools().size());
        try {
            for (NodePool pool : sessions.pools()) {
                snapshots.add(new NodeSnapshot(pool, table.queries()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.comparer = new BlockComparer(fanOut, options.compareUnitSize());
    }

    /** Compares the ranges of one block (see {@link DiffPlan#block(int)}); differing keys go to {@code sink}. */
    public BlockOutcome compare(List<KeyRange> block, DifferenceSink sink) throws Exception {
        return comparer.compare(snapshots, block, sink);
    }

    @Override
    public void close() {
        snapshots.forEach(NodeSnapshot::close);
        fanOut.close();
    }
}
