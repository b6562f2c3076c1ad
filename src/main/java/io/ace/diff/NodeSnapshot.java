package io.ace.diff;

import io.ace.cluster.NodeConnectionException;
import io.ace.cluster.NodePool;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node seen through one read-only REPEATABLE READ transaction: every block of a partition
 * is hashed, narrowed and fetched from the same snapshot, and nothing this session runs can
 * write.
 */
final class NodeSnapshot implements AutoCloseable {

    /** Separates key columns in a map key; PostgreSQL text never contains NUL. */
    static final char KEY_SEPARATOR = '\0';

    private static final int FETCH_SIZE = 10_000;

    private final NodePool pool;
    private final TableQueries queries;
    private final Connection connection;

    NodeSnapshot(NodePool pool, TableQueries queries) {
        this.pool = pool;
        this.queries = queries;
        this.connection = pool.open();
        try {
            connection.setAutoCommit(false);
            try (var st = connection.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
        } catch (SQLException e) {
            closeQuietly();
            throw NodeConnectionException.of(pool.node(), e);
        }
    }

    String node() {
        return pool.name();
    }

    /** Row count and hash of each range, in the order given: bounded ranges in one statement. */
    List<BlockHash> hashRanges(List<KeyRange> ranges) throws SQLException {
        BlockHash[] hashes = new BlockHash[ranges.size()];
        List<Integer> bounded = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            KeyRange r = ranges.get(i);
            if (r.lower() != null && r.upper() != null) {
                bounded.add(i);
            } else {
                hashes[i] = hashRange(r);
            }
        }
        if (!bounded.isEmpty()) {
            List<List<String>> lowers = new ArrayList<>();
            List<List<String>> uppers = new ArrayList<>();
            for (int i : bounded) {
                lowers.add(ranges.get(i).lower());
                uppers.add(ranges.get(i).upper());
            }
            // A bitmap heap scan reads each page of a range once, in order: measured 15% less CPU
            // than an index scan over the same ranges, within 10% of a sequential scan.
            try (var st = connection.createStatement()) {
                st.execute("SET LOCAL enable_indexscan = off");
            }
            try (PreparedStatement ps = connection.prepareStatement(queries.rangeHashes())) {
                int next = bindKeyArrays(ps, lowers, 1);
                bindKeyArrays(ps, uppers, next);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hashes[bounded.get((int) rs.getLong(1) - 1)] = new BlockHash(rs.getLong(2), rs.getLong(3));
                    }
                }
            } finally {
                try (var st = connection.createStatement()) {
                    st.execute("RESET enable_indexscan");
                }
            }
        }
        return List.of(hashes);
    }

    private BlockHash hashRange(KeyRange range) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(queries.rangeHash(range.lower() != null, range.upper() != null))) {
            bindRange(ps, range);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new BlockHash(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /** Key (columns joined by {@link #KEY_SEPARATOR}) to row hash, for every row of the range. */
    Map<String, Long> keyHashes(KeyRange range) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(queries.keyHashes(range.lower() != null, range.upper() != null))) {
            bindRange(ps, range);
            return readHashes(ps);
        }
    }

    /** Key to row hash, for those of the given keys that exist on this node. */
    Map<String, Long> hashes(List<List<String>> keys) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(queries.hashesByKeys())) {
            bindKeyArrays(ps, keys, 1);
            return readHashes(ps);
        }
    }

    private Map<String, Long> readHashes(PreparedStatement ps) throws SQLException {
        int keyCount = queries.shape().primaryKey().size();
        Map<String, Long> hashes = new HashMap<>();
        ps.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                hashes.put(readKey(rs, keyCount), rs.getLong(keyCount + 1));
            }
        }
        return hashes;
    }

    /** Full rows of the given keys that exist on this node, by key. */
    Map<String, NodeRow> rows(List<List<String>> keys) throws SQLException {
        int keyCount = queries.shape().primaryKey().size();
        int columnCount = queries.shape().columns().size();
        Map<String, NodeRow> rows = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(queries.rowsByKeys())) {
            ps.setFetchSize(FETCH_SIZE);
            bindKeyArrays(ps, keys, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> values = new ArrayList<>(columnCount);
                    for (int i = 0; i < columnCount; i++) {
                        values.add(rs.getString(keyCount + 1 + i));
                    }
                    rows.put(readKey(rs, keyCount), new NodeRow(values, rs.getLong(keyCount + columnCount + 1)));
                }
            }
        }
        return rows;
    }

    /** The given keys in the table's key order, as this node prints them (see {@link TableQueries#keyOrder()}). */
    List<List<String>> inKeyOrder(List<List<String>> keys) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(queries.keyOrder())) {
            bindKeyArrays(ps, keys, 1);
            return readKeys(ps);
        }
    }

    /**
     * A single number from the server's activity statistics as they are now: the snapshot of
     * them a transaction keeps is dropped first.
     */
    double currentStatistic(String sql) throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("SELECT pg_catalog.pg_stat_clear_snapshot()");
        }
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    long estimatedRows() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(queries.estimatedRows()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long estimate = rs.getLong(1);
            if (estimate >= 0) {
                return estimate;
            }
        }
        // never analyzed: count instead of guessing
        try (PreparedStatement ps = connection.prepareStatement(queries.exactRows()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long pages() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(queries.tablePages()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<List<String>> sampleKeys(double percent, int wanted) throws SQLException {
        return keys(queries.sampleKeys(percent, wanted));
    }

    List<List<String>> everyNthKey(long step) throws SQLException {
        return keys(queries.everyNthKey(step));
    }

    private List<List<String>> keys(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setFetchSize(FETCH_SIZE);
            return readKeys(ps);
        }
    }

    /** Runs a statement whose leading columns are the key's, as text; one key per row. */
    private List<List<String>> readKeys(PreparedStatement ps) throws SQLException {
        int keyCount = queries.shape().primaryKey().size();
        List<List<String>> keys = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> key = new ArrayList<>(keyCount);
                for (int i = 1; i <= keyCount; i++) {
                    key.add(rs.getString(i));
                }
                keys.add(key);
            }
        }
        return keys;
    }

    static String joinKey(List<String> key) {
        return String.join(String.valueOf(KEY_SEPARATOR), key);
    }

    static List<String> splitKey(String joined) {
        return List.of(joined.split(String.valueOf(KEY_SEPARATOR), -1));
    }

    private static String readKey(ResultSet rs, int keyCount) throws SQLException {
        if (keyCount == 1) {
            return rs.getString(1);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= keyCount; i++) {
            sb.append(i == 1 ? "" : String.valueOf(KEY_SEPARATOR)).append(rs.getString(i));
        }
        return sb.toString();
    }

    private void bindRange(PreparedStatement ps, KeyRange range) throws SQLException {
        int i = 1;
        for (List<String> bound : new List[] {range.lower(), range.upper()}) {
            if (bound != null) {
                for (String v : bound) {
                    ps.setString(i++, v);
                }
            }
        }
    }

    /** Binds one text array per key column from parameter {@code first}; returns the next parameter index. */
    private int bindKeyArrays(PreparedStatement ps, List<List<String>> keys, int first) throws SQLException {
        int keyCount = queries.shape().primaryKey().size();
        for (int c = 0; c < keyCount; c++) {
            String[] column = new String[keys.size()];
            for (int r = 0; r < keys.size(); r++) {
                column[r] = keys.get(r).get(c);
            }
            Array array = connection.createArrayOf("text", column);
            ps.setArray(first + c, array);
        }
        return first + keyCount;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        NodePool.closeRolledBack(connection);
    }
}
