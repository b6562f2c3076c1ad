package io.ace.mtree;

import io.ace.catalog.TableName;
import io.ace.cluster.NodePool;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * Reads one node's slot through {@code pgoutput} and turns every insert, update (old and new key),
 * delete and TRUNCATE of a tracked table into marks in the change queue. The slot's position is
 * confirmed only after the marks of everything read up to it have committed, so a capture that
 * dies at any moment leaves its changes in the slot for the next reader.
 */
final class ChangeCapture implements AutoCloseable {

    /** Marks buffered before they are written (mid-transaction too; the position is confirmed only at a commit). */
    private static final int FLUSH_KEYS = 10_000;
    /** Keys of one table in one transaction beyond which the whole table is marked instead: most of its leaves changed. */
    private static final int WHOLE_TABLE_KEYS = 100_000;
    private static final long IDLE_MILLIS = 5;

    /** A relation as the stream described it, with the positions of its key columns, or null when it is not tracked. */
    private record Source(TrackedTable table, int[] keyPositions) {
    }

    private final NodePool pool;
    private final CaptureHook hook;
    private final Connection replication;
    private final PGReplicationStream stream;
    private final Map<Integer, Source> relations = new HashMap<>();
    private final Map<Integer, Set<List<String>>> buffered = new LinkedHashMap<>();
    private final Set<Integer> wholeTables = new LinkedHashSet<>();
    private final Map<Integer, Integer> keysThisTransaction = new HashMap<>();
    private int bufferedKeys;
    private boolean inTransaction;
    private long confirmed;
    private long changes;

    private ChangeCapture(NodePool pool, CaptureHook hook, Connection replication, PGReplicationStream stream) {
        this.pool = pool;
        this.hook = hook;
        this.replication = replication;
        this.stream = stream;
    }

    /** Starts reading the node's slot; empty when another process reads it right now. */
    static Optional<ChangeCapture> open(NodePool pool, String slot, CaptureHook hook) throws SQLException {
        Connection replication = NodePool.connectForReplication(pool.node());
        try {
            PGReplicationStream stream = replication.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                    .withSlotName(slot)
                    .withSlotOption("proto_version", 1)
                    .withSlotOption("publication_names", MetadataSchema.PUBLICATION)
                    .withStatusInterval(10, TimeUnit.SECONDS)
                    .withAutomaticFlush(false)
                    .start();
            return Optional.of(new ChangeCapture(pool, hook, replication, stream));
        } catch (SQLException e) {
            replication.close();
            if ("55006".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Changes of tracked tables seen so far. */
    long changes() {
        return changes;
    }

    /**
     * Reads until everything committed before {@code target} (a WAL position read at the start)
     * is marked and confirmed. It stops on reaching that position, never because the stream was
     * quiet for a while: one huge transaction may take long to arrive.
     */
    void drainTo(LogSequenceNumber target) throws Exception {
        while (true) {
            if (!step()) {
                if (!inTransaction && stream.getLastReceiveLSN().asLong() >= target.asLong()) {
                    return;
                }
                Thread.sleep(IDLE_MILLIS);
            }
        }
    }

    /** Reads for about {@code millis}, confirming as it goes (for a capture that runs until stopped). */
    void readFor(long millis) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (!step()) {
                Thread.sleep(IDLE_MILLIS);
            }
        }
    }

    /** Handles one message; false when none was waiting (everything read so far is then marked and confirmed). */
    private boolean step() throws Exception {
        ByteBuffer message = stream.readPending();
        if (message == null) {
            if (!inTransaction) {
                flush();
                confirm(stream.getLastReceiveLSN());
            }
            return false;
        }
        handle(PgOutputMessage.parse(message));
        return true;
    }

    private void handle(PgOutputMessage message) throws Exception {
        if (message instanceof PgOutputMessage.Begin) {
            inTransaction = true;
        } else if (message instanceof PgOutputMessage.Commit) {
            inTransaction = false;
            keysThisTransaction.clear();
            if (bufferedKeys >= FLUSH_KEYS) {
                flush();
                confirm(stream.getLastReceiveLSN());
            }
        } else if (message instanceof PgOutputMessage.Relation r) {
            relations.put(r.oid(), source(r));
        } else if (message instanceof PgOutputMessage.Insert i) {
            mark(i.relation(), null, i.row());
        } else if (message instanceof PgOutputMessage.Update u) {
            mark(u.relation(), u.old(), u.row());
        } else if (message instanceof PgOutputMessage.Delete d) {
            mark(d.relation(), d.old(), null);
        } else if (message instanceof PgOutputMessage.Truncate t) {
            for (int relation : t.relations()) {
                Source s = relations.get(relation);
                if (s != null && s.table() != null) {
                    changes++;
                    wholeTables.add(s.table().id());
                }
            }
        }
    }

    /** Marks the old key (when sent) and the new key of one change. */
    private void mark(int relation, PgOutputMessage.Tuple old, PgOutputMessage.Tuple row) throws Exception {
        Source source = relations.get(relation);
        if (source == null || source.table() == null) {
            return;
        }
        changes++;
        int table = source.table().id();
        if (wholeTables.contains(table)) {
            return;
        }
        List<String> oldKey = old == null ? null : key(source, old);
        List<String> newKey = row == null ? null : key(source, row);
        if ((old != null && oldKey == null) || (row != null && newKey == null && oldKey == null)) {
            // a key column the stream did not carry (unchanged TOAST, a dropped column): the key is unknown
            wholeTables.add(table);
            return;
        }
        for (List<String> key : new LinkedHashSet<>(java.util.Arrays.asList(oldKey, newKey))) {
            if (key != null && buffered.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(key)) {
                bufferedKeys++;
            }
        }
        if (keysThisTransaction.merge(table, 1, Integer::sum) > WHOLE_TABLE_KEYS) {
            wholeTables.add(table);
            Set<List<String>> dropped = buffered.remove(table);
            bufferedKeys -= dropped == null ? 0 : dropped.size();
        }
        if (bufferedKeys >= FLUSH_KEYS) {
            flush();
        }
    }

    private static List<String> key(Source source, PgOutputMessage.Tuple tuple) {
        List<String> key = new ArrayList<>(source.keyPositions().length);
        for (int position : source.keyPositions()) {
            if (position < 0 || position >= tuple.values().size() || tuple.unchanged(position) || tuple.values().get(position) == null) {
                return null;
            }
            key.add(tuple.values().get(position));
        }
        return key;
    }

    private Source source(PgOutputMessage.Relation relation) throws SQLException {
        Optional<TrackedTable> table;
        try (Connection c = pool.open()) {
            table = TrackedTables.find(c, new TableName(relation.schema(), relation.name()));
        }
        if (table.isEmpty()) {
            return new Source(null, new int[0]);
        }
        List<String> names = relation.columns().stream().map(PgOutputMessage.Column::name).toList();
        return new Source(table.get(), table.get().keyColumns().stream().mapToInt(names::indexOf).toArray());
    }

    /** Commits the buffered marks; the caller confirms the position only after this. */
    private void flush() throws Exception {
        if (buffered.isEmpty() && wholeTables.isEmpty()) {
            return;
        }
        hook.beforeMarksCommit(pool.name());
        try (Connection c = pool.open()) {
            c.setAutoCommit(false);
            for (int table : wholeTables) {
                ChangeQueue.appendWholeTable(c, table);
            }
            for (Map.Entry<Integer, Set<List<String>>> e : buffered.entrySet()) {
                if (!wholeTables.contains(e.getKey())) {
                    ChangeQueue.append(c, e.getKey(), e.getValue().iterator().next().size(), e.getValue());
                }
            }
            c.commit();
        }
        buffered.clear();
        bufferedKeys = 0;
        if (!inTransaction) {
            wholeTables.clear();
        }
    }

    private void confirm(LogSequenceNumber position) throws SQLException {
        if (position.asLong() > confirmed) {
            stream.setFlushedLSN(position);
            stream.setAppliedLSN(position);
            stream.forceUpdateStatus();
            confirmed = position.asLong();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            stream.close();
        } finally {
            replication.close();
        }
    }
}
