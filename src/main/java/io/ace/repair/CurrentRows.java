package io.ace.repair;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.cluster.NodePool;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Reads, at repair time, the rows the other node of each staged pair has now for the pair's keys,
 * into {@link RepairSql#CURRENT} on the target: the values a repair writes come from there, never
 * from the diff file. Keys go from the target to the node and rows back by COPY streamed from one
 * session into the other, in text form (each value through its type's output and input
 * functions, as a cast of its text), so neither memory nor round trips grow with the rows.
 */
final class CurrentRows {

    private static final int BUFFER = 1 << 16;
    private static final String KEYS = "pg_temp.ace_repair_key";

    private final TableShape shape;
    private final RepairSql sql;

    CurrentRows(TableShape shape, RepairSql sql) {
        this.shape = shape;
        this.sql = sql;
    }

    /**
     * @param target     the target's session, in the repair's transaction (the staged rows are there,
     *                   and the tables of {@link RepairSql#createCurrent()} to read into)
     * @param otherNodes the other node of each staged pair, by pair position
     */
    void read(Connection target, List<NodePool> otherNodes) throws SQLException, IOException {
        for (int pair = 0; pair < otherNodes.size(); pair++) {
            try (Connection other = otherNodes.get(pair).open()) {
                read(target, pair, other);
            }
        }
    }

    /** One pair: its keys into a temporary table on the other node, that node's rows for them back into the target's. */
    private void read(Connection target, int pair, Connection other) throws SQLException, IOException {
        List<Column> key = shape.keyColumns();
        List<String> keyNames = IntStream.rangeClosed(1, key.size()).mapToObj(i -> "k" + i).toList();
        other.setAutoCommit(false);
        try {
            try (Statement st = other.createStatement()) {
                st.execute("CREATE TEMP TABLE ace_repair_key (" + IntStream.range(0, key.size())
                        .mapToObj(i -> keyNames.get(i) + " " + key.get(i).type() + collation(key.get(i))).collect(Collectors.joining(", "))
                        + ") ON COMMIT DROP");
            }
            pipe(target, sql.pairKeys(pair), other, "COPY " + KEYS + " (" + String.join(", ", keyNames) + ") FROM STDIN");
            try (Statement st = other.createStatement()) {
                // the join looks the keys up by the table's primary key when they are few
                st.execute("ANALYZE " + KEYS);
            }
            String rows = "SELECT " + pair + ", " + sql.fetchedColumns().stream().map(c -> "t." + c.quoted()).collect(Collectors.joining(", "))
                    + sql.fetchedExtras("t") + " FROM " + shape.name().sql() + " t JOIN " + KEYS + " k ON " + shape.keyTuple("t") + " = "
                    + (keyNames.size() == 1 ? "k.k1" : "(" + keyNames.stream().map(k -> "k." + k).collect(Collectors.joining(", ")) + ")");
            pipe(other, "COPY (" + rows + ") TO STDOUT", target, "COPY " + sql.fetchedInto() + " FROM STDIN");
        } finally {
            // it only read, and its temporary table goes with the transaction
            other.rollback();
            other.setAutoCommit(true);
        }
    }

    /** Streams {@code copyOut}'s rows on {@code from} into {@code copyIn} on {@code to}. */
    static void pipe(Connection from, String copyOut, Connection to, String copyIn) throws SQLException, IOException {
        try (PGCopyOutputStream in = new PGCopyOutputStream(to.unwrap(PGConnection.class), copyIn, BUFFER)) {
            from.unwrap(PGConnection.class).getCopyAPI().copyOut(copyOut, in);
        }
    }

    private static String collation(Column c) {
        return c.collation() == null ? "" : " COLLATE " + c.collation();
    }
}
