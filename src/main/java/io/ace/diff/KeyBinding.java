package io.ace.diff;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binds key values (each key's column values as text) to the parameters of {@link TableQueries} statements. */
final class KeyBinding {

    private KeyBinding() {
    }

    /** The bounds of a range that has them, lower first; returns the next parameter index. */
    static int bindRange(PreparedStatement ps, KeyRange range) throws SQLException {
        int i = 1;
        for (List<String> bound : List.of(range.lower() == null ? List.<String>of() : range.lower(),
                range.upper() == null ? List.<String>of() : range.upper())) {
            for (String v : bound) {
                ps.setString(i++, v);
            }
        }
        return i;
    }

    /** Binds one text array per key column from parameter {@code first}; returns the next parameter index. */
    static int bindKeyArrays(Connection connection, PreparedStatement ps, int keyColumns, List<List<String>> keys, int first)
            throws SQLException {
        for (int c = 0; c < keyColumns; c++) {
            String[] column = new String[keys.size()];
            for (int r = 0; r < keys.size(); r++) {
                column[r] = keys.get(r).get(c);
            }
            Array array = connection.createArrayOf("text", column);
            ps.setArray(first + c, array);
        }
        return first + keyColumns;
    }
}
