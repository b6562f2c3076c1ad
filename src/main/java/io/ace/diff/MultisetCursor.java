package io.ace.diff;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's distinct rows of a multiset, in row-hash order, as a statement streams them: each
 * with the number of identical copies the node holds.
 */
final class MultisetCursor implements AutoCloseable {

    private final String node;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final int columns;
    private NodeRow next;

    MultisetCursor(String node, PreparedStatement statement, ResultSet rows, int columns) throws SQLException {
        this.node = node;
        this.statement = statement;
        this.rows = rows;
        this.columns = columns;
        advance();
    }

    String node() {
        return node;
    }

    /** The next distinct row without taking it, or null at the end. */
    NodeRow peek() {
        return next;
    }

    /** Takes the next distinct row. */
    NodeRow take() throws SQLException {
        NodeRow taken = next;
        advance();
        return taken;
    }

    private void advance() throws SQLException {
        if (!rows.next()) {
            next = null;
            return;
        }
        List<String> values = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            values.add(rows.getString(3 + i));
        }
        next = new NodeRow(values, rows.getLong(1), null, rows.getString(3 + columns), rows.getLong(2));
    }

    @Override
    public void close() throws SQLException {
        try (statement) {
            rows.close();
        }
    }
}
