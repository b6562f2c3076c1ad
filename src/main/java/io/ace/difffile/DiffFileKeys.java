package io.ace.difffile;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.cluster.NodePool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The distinct keys a diff file names, in the table's key order and as the node prints them, a
 * batch at a time. The file is streamed once into a temporary table on one node (COPY), which
 * casts each key to its column's type, sorts and deduplicates them and hands them back through
 * a cursor: memory holds one batch whatever the size of the file, and a key spelled otherwise
 * in the file (a timestamp in RFC 3339) comes back in the node's spelling.
 */
public final class DiffFileKeys implements AutoCloseable {

    private static final String TABLE = "pg_temp.ace_diff_keys";

    private final Connection connection;
    private final int keyColumns;
    private final PreparedStatement cursor;
    private final ResultSet rows;
    /** Every key has been read (and the session given back). */
    private boolean read;

    /**
     * Reads {@code diffFile}'s keys through {@code connection} (a session of its own, closed with
     * this), skipping the first {@code skip} keys of the order (those a restarted run has done).
     */
    public DiffFileKeys(Connection connection, TableShape shape, Path diffFile, long skip) throws Exception {
        this.connection = connection;
        this.keyColumns = shape.keyColumns().size();
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TEMP TABLE ace_diff_keys (" + IntStream.range(0, keyColumns)
                        .mapToObj(i -> column(i, shape.keyColumns().get(i))).collect(Collectors.joining(", ")) + ") ON COMMIT DROP");
            }
            List<String> names = IntStream.range(0, keyColumns).mapToObj(i -> "k" + i).toList();
            try (CopyRows copy = new CopyRows(connection, TABLE, names)) {
                new DiffFileReader(diffFile).rows(row -> copy.row(row.key(shape.keyColumns())));
            }
            String list = String.join(", ", names);
            this.cursor = connection.prepareStatement("SELECT DISTINCT " + names.stream().map(n -> n + "::text").collect(Collectors.joining(", "))
                    + ", " + list + " FROM " + TABLE + " ORDER BY " + IntStream.rangeClosed(keyColumns + 1, 2 * keyColumns)
                    .mapToObj(Integer::toString).collect(Collectors.joining(", ")) + " OFFSET ?");
            cursor.setFetchSize(10_000);
            cursor.setLong(1, skip);
            this.rows = cursor.executeQuery();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** The typed key column, with the table column's collation so that the order is the table's. */
    private static String column(int i, Column c) {
        return "k" + i + " " + c.type() + (c.collation() == null ? "" : " COLLATE " + c.collation());
    }

    /**
     * The next {@code size} keys in key order (fewer at the end, none when all were read). Once the
     * last key is read the session goes back: the caller's next session on the node is then this
     * one, rather than a new connection.
     */
    public List<List<String>> next(int size) throws SQLException {
        List<List<String>> batch = new ArrayList<>(Math.min(size, 10_000));
        while (!read && batch.size() < size) {
            if (!rows.next()) {
                read = true;
                close();
                break;
            }
            List<String> key = new ArrayList<>(keyColumns);
            for (int i = 1; i <= keyColumns; i++) {
                key.add(rows.getString(i));
            }
            batch.add(key);
        }
        return batch;
    }

    @Override
    public void close() {
        // its temporary table goes with the transaction
        NodePool.closeRolledBack(connection);
    }
}
