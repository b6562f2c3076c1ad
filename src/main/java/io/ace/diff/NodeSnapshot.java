package io.ace.diff;

import io.ace.cluster.NodeConnectionException;
import io.ace.cluster.NodePool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final RangeHashes hashes;
    private final Connection connection;
    /** What origin ids mean, when rows are read with their origins; null otherwise. */
    private final OriginNames origins;
    /** The relations holding the table's rows, with their statistics; read on first use. */
    private List<StoredRelation> storage;
    private final AtomicBoolean closed = new AtomicBoolean();

    NodeSnapshot(NodePool pool, TableQueries queries, OriginNames origins) {
        this.pool = pool;
        this.queries = queries;
        this.origins = queries.readsOrigins() ? origins : null;
        this.hashes = new RangeHashes(queries);
        this.connection = pool.open();
    }

    /** Starts the snapshot's transaction on the session taken; a node that fails it is named. */
    void begin() {
        try {
            connection.setAutoCommit(false);
            try (var st = connection.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
        } catch (SQLException e) {
            throw NodeConnectionException.of(pool.node(), e);
        }
    }

    String node() {
        return pool.name();
    }

    /** Row count and hash of each range, in the order given: bounded ranges in one statement. */
    List<BlockHash> hashRanges(List<KeyRange> ranges) throws SQLException {
        return hashes.hash(connection, ranges);
    }

    /** Key (columns joined by {@link #KEY_SEPARATOR}) to row hash, for every row of the range. */
    Map<String, Long> keyHashes(KeyRange range) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(queries.keyHashes(range.lower() != null, range.upper() != null))) {
            KeyBinding.bindRange(ps, range);
            return readHashes(ps);
        }
    }

    /** Key to row hash, for those of the given keys that exist on this node. */
    Map<String, Long> hashes(List<List<String>> keys) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(queries.hashesByKeys())) {
            KeyBinding.bindKeyArrays(connection, ps, queries.shape().keyColumns().size(), keys, 1);
            return readHashes(ps);
        }
    }

    private Map<String, Long> readHashes(PreparedStatement ps) throws SQLException {
        int keyCount = queries.shape().keyColumns().size();
        Map<String, Long> hashes = new HashMap<>();
        ps.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                hashes.put(readKey(rs, keyCount), rs.getLong(keyCount + 1));
            }
        }
        return hashes;
    }

    /**
     * Row count and hash per bucket of each bounded range, keyed by {@code range index *
     * BUCKETS + bucket} (a bucket without rows is missing).
     */
    Map<Long, BlockHash> bucketHashes(List<KeyRange> bounded) throws SQLException {
        Map<Long, BlockHash> buckets = new HashMap<>();
        int keyCount = queries.shape().keyColumns().size();
        return LocalSettings.with(connection, LocalSettings.RANGES, queries.rangeBuckets(), ps -> {
            int next = KeyBinding.bindKeyArrays(connection, ps, keyCount, bounded.stream().map(KeyRange::lower).toList(), 1);
            KeyBinding.bindKeyArrays(connection, ps, keyCount, bounded.stream().map(KeyRange::upper).toList(), next);
        }, rs -> {
            while (rs.next()) {
                buckets.put((rs.getLong(1) - 1) * TableQueries.BUCKETS + rs.getInt(2), new BlockHash(rs.getLong(3), rs.getLong(4)));
            }
            return buckets;
        });
    }

    /**
     * Key to row hash for the rows of several ranges: of each bounded range only the buckets set
     * in its mask (bit n for bucket n), all in one statement; each open-ended range whole.
     */
    Map<String, Long> keyHashes(List<KeyRange> ranges, List<Long> masks) throws SQLException {
        Map<String, Long> hashes = new HashMap<>();
        List<KeyRange> bounded = new ArrayList<>();
        List<Long> boundedMasks = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            KeyRange r = ranges.get(i);
            if (r.lower() != null && r.upper() != null) {
                bounded.add(r);
                boundedMasks.add(masks.get(i));
            } else {
                hashes.putAll(keyHashes(r));
            }
        }
        if (!bounded.isEmpty()) {
            int keyCount = queries.shape().keyColumns().size();
            LocalSettings.with(connection, LocalSettings.RANGES, () -> {
                try (PreparedStatement ps = connection.prepareStatement(queries.rangeKeyHashes())) {
                    int next = KeyBinding.bindKeyArrays(connection, ps, keyCount, bounded.stream().map(KeyRange::lower).toList(), 1);
                    next = KeyBinding.bindKeyArrays(connection, ps, keyCount, bounded.stream().map(KeyRange::upper).toList(), next);
                    ps.setArray(next, connection.createArrayOf("int8", boundedMasks.toArray(Long[]::new)));
                    hashes.putAll(readHashes(ps));
                }
                return null;
            });
        }
        return hashes;
    }

    /** Full rows of the given keys that exist on this node, by key. */
    Map<String, NodeRow> rows(List<List<String>> keys) throws SQLException {
        int keyCount = queries.shape().keyColumns().size();
        int columnCount = queries.shape().columns().size();
        Map<String, NodeRow> rows = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(queries.rowsByKeys())) {
            ps.setFetchSize(FETCH_SIZE);
            KeyBinding.bindKeyArrays(connection, ps, queries.shape().keyColumns().size(), keys, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> values = new ArrayList<>(columnCount);
                    for (int i = 0; i < columnCount; i++) {
                        values.add(rs.getString(keyCount + 1 + i));
                    }
                    int after = keyCount + columnCount + 1;
                    RowOrigin origin = origins == null ? null
                            : origins.of(pool.name(), rs.getObject(after + 2, Integer.class), rs.getString(after + 3));
                    rows.put(readKey(rs, keyCount), new NodeRow(values, rs.getLong(after), origin, rs.getString(after + 1)));
                }
            }
        }
        return rows;
    }

    /**
     * A multiset's row count and hash sum per bucket: {@code [0]} the counts, {@code [1]} the low
     * 64 bits of the sums, indexed by bucket (a bucket without rows holds zeros).
     */
    long[][] multisetBuckets(int buckets) throws SQLException {
        long[][] counted = new long[2][buckets];
        try (PreparedStatement ps = connection.prepareStatement(queries.multisetBuckets(buckets)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int bucket = rs.getInt(1);
                counted[0][bucket] = rs.getLong(2);
                counted[1][bucket] = rs.getBigDecimal(3).toBigInteger().longValue();
            }
        }
        return counted;
    }

    /** The distinct rows of a multiset in the given buckets, in row-hash order, read as they are consumed. */
    MultisetCursor multisetRows(int buckets, int[] differing) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(queries.multisetRows(buckets));
        try {
            ps.setFetchSize(FETCH_SIZE);
            ps.setArray(1, connection.createArrayOf("int4", java.util.Arrays.stream(differing).boxed().toArray(Integer[]::new)));
            return new MultisetCursor(pool.name(), ps, ps.executeQuery(), queries.shape().columns().size());
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** The given keys in the table's key order, as this node prints them (see {@link TableQueries#keyOrder()}). */
    List<List<String>> inKeyOrder(List<List<String>> keys) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(queries.keyOrder())) {
            KeyBinding.bindKeyArrays(connection, ps, queries.shape().keyColumns().size(), keys, 1);
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

    /**
     * The table's rows as its statistics estimate them, summed over every relation that holds them;
     * a relation never analyzed is counted instead of guessed.
     */
    long estimatedRows() throws SQLException {
        long rows = 0;
        for (StoredRelation r : storage()) {
            if (r.rows() >= 0) {
                rows += r.rows();
            } else {
                try (PreparedStatement ps = connection.prepareStatement(TableQueries.ownRows(r.name())); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
    }

    /** A relation holding rows of the table: its name as the server quotes it, and its row estimate (-1: never analyzed). */
    private record StoredRelation(String name, long rows) {
    }

    /** Read once per snapshot: its transaction sees the same statistics each time it asks. */
    private List<StoredRelation> storage() throws SQLException {
        if (storage == null) {
            List<StoredRelation> relations = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(queries.storageStatistics()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    relations.add(new StoredRelation(rs.getString(1), rs.getLong(2)));
                }
            }
            storage = List.copyOf(relations);
        }
        return storage;
    }

    List<List<String>> sampleKeys(int wanted) throws SQLException {
        return keys(queries.sampleKeys(wanted));
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
        int keyCount = queries.shape().keyColumns().size();
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

    /** Ends the snapshot and returns its session, once: a second call could reach the session's next user. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            NodePool.closeRolledBack(connection);
        }
    }
}
