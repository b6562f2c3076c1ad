package io.ace.mtree;

import io.ace.catalog.TableShape;
import io.ace.diff.KeyRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Where to cut a leaf that has grown past twice its size: every {@code leafSize}-th key of it on the node that holds the most rows. */
final class LeafSplitter {

    private LeafSplitter() {
    }

    /** The new lower bounds inside {@code range}, in key order, each the key's column values as text. */
    static List<List<String>> cuts(Connection c, TableShape shape, KeyRange range, int leafSize) throws SQLException {
        KeySql key = new KeySql(shape);
        List<String> where = new ArrayList<>();
        if (range.lower() != null) {
            where.add(key.tupleAgainst("t", ">=", "?::text[]"));
        }
        if (range.upper() != null) {
            where.add(key.tupleAgainst("t", "<", "?::text[]"));
        }
        String columns = key.tableKey("t");
        String sql = "SELECT " + key.texts("s") + " FROM (SELECT " + key.tableKeyAs("t") + ", row_number() OVER (ORDER BY "
                + columns + ") AS rn FROM " + shape.name().sql() + " t" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + ") s WHERE s.rn % ? = 1 AND s.rn > 1 ORDER BY s.rn";
        List<List<String>> cuts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (List<String> bound : new List[] {range.lower(), range.upper()}) {
                if (bound != null) {
                    ps.setArray(p++, c.createArrayOf("text", bound.toArray()));
                }
            }
            ps.setInt(p, leafSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> cut = new ArrayList<>(key.size());
                    for (int i = 1; i <= key.size(); i++) {
                        cut.add(rs.getString(i));
                    }
                    cuts.add(cut);
                }
            }
        }
        return cuts;
    }
}
