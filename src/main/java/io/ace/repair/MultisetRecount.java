package io.ace.repair;

import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodePool;
import io.ace.cluster.StatementGroup;
import io.ace.diff.ComparedTable;
import io.ace.diff.KeyDifference;
import io.ace.diff.NodeRow;
import io.ace.difffile.CopyRows;
import io.ace.difffile.DiffFileReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts again, on every node, the copies of each distinct row a multiset diff file lists (a
 * table without a key, compared as a multiset of whole rows): after a repair, or for
 * table-rerun. The file is streamed into a temporary table on the first node, which casts each
 * value to its column's type and deduplicates the rows; each node then counts its copies of all
 * of them in one scan of its table, and the rows come back a batch at a time in the order of
 * their text, so memory holds one batch whatever the size of the file.
 */
public final class MultisetRecount implements AutoCloseable {

    /**
     * One distinct listed row as every node holds it now.
     *
     * @param values each column's text as the nodes print it
     * @param hash   its row hash as comparisons compute it
     * @param copies each node's copies of it, in the sessions' node order (0: none)
     */
    public record Recounted(List<String> values, long hash, Map<String, Long> copies) {

        /** Whether every node holds as many copies of it. */
        public boolean equal() {
            return copies.values().stream().distinct().count() <= 1;
        }

        /**
         * The row as a difference: its hash (as decimal text) for a key, and the row on each node
         * that holds copies of it, with their number; with 3+ nodes, the one node whose copies
         * disagree with all the others, which agree.
         */
        public KeyDifference difference() {
            Map<String, NodeRow> rows = new LinkedHashMap<>();
            copies.forEach((node, n) -> {
                if (n > 0) {
                    rows.put(node, new NodeRow(values, hash, null, null, n));
                }
            });
            return new KeyDifference(List.of(Long.toString(hash)), rows, KeyDifference.oddNode(copies.keySet(), rows));
        }
    }

    /** Rows read per round trip. */
    private static final int FETCH_SIZE = 10_000;

    private final Connection holder;
    private final List<String> nodes;
    private final int columns;
    private final PreparedStatement cursor;
    private final ResultSet rows;

    /**
     * Counts every node's copies of {@code diffFile}'s rows now, then reads them from position
     * {@code skip} on (the rows a restarted run has done are skipped).
     */
    public MultisetRecount(ClusterSessions sessions, ComparedTable table, Path diffFile, long skip) throws Exception {
        TableShape shape = table.shape();
        MultisetSql sql = new MultisetSql(table);
        this.nodes = sessions.nodeNames();
        this.columns = shape.columns().size();
        this.holder = sessions.pools().get(0).open();
        try {
            holder.setAutoCommit(false);
            StatementGroup.execute(holder, List.of(sql.createListed(), sql.createCounts()));
            long[] position = {0};
            try (CopyRows copy = new CopyRows(holder, MultisetSql.LISTED, sql.listedColumns())) {
                // every row of every pair, as one pair's: the rows are only deduplicated and counted
                new DiffFileReader(diffFile).rows(row -> copy.row(RepairStaging.staged(shape, row, 0, false, position[0]++)));
            }
            StatementGroup.execute(holder, sql.distinctRows(false));
            List<NodePool> pools = sessions.pools();
            for (int n = 0; n < pools.size(); n++) {
                try (Connection node = pools.get(n).open()) {
                    NodeCopies.count(sql, holder, node, n);
                }
            }
            this.cursor = holder.prepareStatement(sql.recounted(nodes.size()));
            cursor.setFetchSize(FETCH_SIZE);
            cursor.setLong(1, skip);
            this.rows = cursor.executeQuery();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** The next {@code size} rows in the order of their text (fewer at the end, none when all were read). */
    public List<Recounted> next(int size) throws SQLException {
        List<Recounted> batch = new ArrayList<>(Math.min(size, FETCH_SIZE));
        while (batch.size() < size && rows.next()) {
            List<String> values = new ArrayList<>(columns);
            for (int i = 0; i < columns; i++) {
                values.add(rows.getString(2 + i));
            }
            Map<String, Long> copies = new LinkedHashMap<>();
            for (int n = 0; n < nodes.size(); n++) {
                copies.put(nodes.get(n), rows.getLong(2 + columns + n));
            }
            batch.add(new Recounted(values, rows.getLong(1), copies));
        }
        return batch;
    }

    @Override
    public void close() {
        // its temporary tables go with the transaction
        NodePool.closeRolledBack(holder);
    }
}
