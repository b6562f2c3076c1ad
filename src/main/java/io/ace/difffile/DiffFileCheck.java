package io.ace.difffile;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Whether a diff file can drive a repair or a rerun of a table, checked before any work: every
 * node it names is one of its summary's nodes and of the cluster, and every value is valid input
 * for its column's type (a key value is also present; in a multiset, every column's). Otherwise a repair would fail halfway (a
 * value that does not cast) or quietly do nothing for a pair (a node that does not exist).
 */
public final class DiffFileCheck {

    /** Rows whose values are cast per statement. */
    private static final int CAST_BATCH = 10_000;
    /** Characters of values held at most before they are cast, whatever the rows' width. */
    private static final long CAST_CHARS = 4L << 20;

    /** Where a value comes from in the file, for the message that names it. */
    private record Place(String pair, String node, int row) {
    }

    private DiffFileCheck() {
    }

    /**
     * Exit 78 for a node the cluster does not define, exit 64 for one its summary does not list or a
     * value that is not valid for its column, each naming the file and where in it. The file is
     * streamed and its values cast a batch at a time, so memory holds one batch whatever its size.
     */
    public static void check(Path file, ClusterSessions sessions, TableShape shape) {
        List<String> summaryNodes = sessions.nodeNames();
        List<Column> columns = shape.columns();
        List<List<String>> values = new ArrayList<>();
        columns.forEach(c -> values.add(new ArrayList<>()));
        List<Place> places = new ArrayList<>();
        long[] chars = {0};
        Map<String, Integer> rowsSeen = new HashMap<>();
        String checker = sessions.pools().get(0).name();
        try (Connection c = sessions.pools().get(0).open()) {
            new DiffFileReader(file).rows(row -> {
                List<String> pairNodes = DiffFileReader.pairNodes(row.pair());
                for (String node : pairNodes) {
                    knownNode(file, sessions, summaryNodes, row.pair(), node);
                }
                if (!pairNodes.contains(row.node())) {
                    throw AceException.usage("diff file " + file + " lists rows of node " + row.node() + " in pair " + row.pair()
                            + ", which is not one of the pair's nodes");
                }
                int index = rowsSeen.merge(row.pair() + "/" + row.node(), 1, Integer::sum);
                for (int k = 0; k < columns.size(); k++) {
                    DiffFileReader.Value v = row.values().get(columns.get(k).name());
                    if (v == null && shape.keyColumns().isEmpty()) {
                        throw AceException.usage("diff file " + file + ": row " + index + " of node " + row.node() + " in pair " + row.pair()
                                + " has no column " + columns.get(k).name() + "; a multiset's rows are identified by every column:"
                                + " is the file of this table, and whole?");
                    }
                    String text = v == null ? null : v.sqlText();
                    values.get(k).add(text);
                    chars[0] += text == null ? 0 : text.length();
                }
                places.add(new Place(row.pair(), row.node(), index));
                if (places.size() == CAST_BATCH || chars[0] >= CAST_CHARS) {
                    checkValues(file, c, checker, shape, values, places);
                    chars[0] = 0;
                }
            });
            checkValues(file, c, checker, shape, values, places);
        } catch (SQLException e) {
            throw unreachable(file, checker, e);
        }
    }

    /**
     * Checks a batch of values and empties it: every column at once, in one round trip; only when
     * a value does not cast, column by column to name it.
     */
    private static void checkValues(Path file, Connection c, String checker, TableShape shape, List<List<String>> values, List<Place> places) {
        List<Column> columns = shape.columns();
        try {
            for (int k = 0; k < columns.size(); k++) {
                if (shape.keyColumns().contains(columns.get(k))) {
                    present(file, columns.get(k), values.get(k), places);
                }
            }
            if (!places.isEmpty() && !columns.isEmpty() && !casts(c, columns, values)) {
                for (int k = 0; k < columns.size(); k++) {
                    checkColumn(file, c, columns.get(k), values.get(k), places);
                }
            }
        } catch (SQLException e) {
            throw unreachable(file, checker, e);
        }
        values.forEach(List::clear);
        places.clear();
    }

    /** Whether every value of every column is valid input for its column's type, in one statement. */
    private static boolean casts(Connection c, List<Column> columns, List<List<String>> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(castSql(columns))) {
            return casts(c, ps, values);
        }
    }

    /** Casts each column's values (one text array per column) to the column's type and counts them. */
    private static String castSql(List<Column> columns) {
        return "SELECT " + IntStream.range(0, columns.size()).mapToObj(k -> "count(CAST(v" + k + " AS " + columns.get(k).type() + "))")
                .collect(Collectors.joining(", "))
                + " FROM unnest(" + String.join(", ", Collections.nCopies(columns.size(), "CAST(? AS text[])")) + ") AS v("
                + IntStream.range(0, columns.size()).mapToObj(k -> "v" + k).collect(Collectors.joining(", ")) + ")";
    }

    private static AceException unreachable(Path file, String node, SQLException e) {
        return new AceException(ExitCode.UNREACHABLE, "could not check the values of diff file " + file + " on node " + node
                + " (SQLSTATE " + e.getSQLState() + "); retry later", e);
    }

    private static void knownNode(Path file, ClusterSessions sessions, List<String> summaryNodes, String pair, String node) {
        if (summaryNodes.contains(node)) {
            return;
        }
        if (!sessions.cluster().nodes().containsKey(node)) {
            throw new AceException(ExitCode.CONFIG, "diff file " + file + " names node '" + node + "' (pair " + pair + "), which is not defined in cluster '"
                    + sessions.cluster().name() + "' (" + sessions.cluster().source() + "); its nodes are "
                    + String.join(", ", sessions.cluster().nodes().keySet()));
        }
        throw AceException.usage("diff file " + file + " names node '" + node + "' in pair " + pair + ", which its summary.nodes ("
                + String.join(", ", summaryNodes) + ") does not list: the file is not whole");
    }

    /** A key column's values: every row has one. */
    private static void present(Path file, Column column, List<String> values, List<Place> places) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                Place p = places.get(i);
                throw AceException.usage("diff file " + file + ": row " + p.row() + " of node " + p.node() + " in pair " + p.pair()
                        + " has no value for primary key column " + column.name());
            }
        }
    }

    /**
     * All of a batch's values of a column cast in one statement, each value on its own (an array
     * column's value is an array literal; a NULL casts); when that fails, halves find the first
     * value that does not cast.
     */
    private static void checkColumn(Path file, Connection c, Column column, List<String> values, List<Place> places) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(castSql(List.of(column)))) {
            if (casts(c, ps, List.of(values))) {
                return;
            }
            int good = 0;
            int bad = values.size();
            // invariant: values[0, good) cast, values[0, bad) do not
            while (bad - good > 1) {
                int mid = (good + bad) / 2;
                if (casts(c, ps, List.of(values.subList(0, mid)))) {
                    good = mid;
                } else {
                    bad = mid;
                }
            }
            Place p = places.get(bad - 1);
            String value = values.get(bad - 1);
            // the value is the file's content: a detail, which web callers who are not administrators do not see
            throw new AceException(ExitCode.USAGE, "diff file " + file + ": row " + p.row() + " of node " + p.node() + " in pair " + p.pair()
                    + ": its " + column.name() + " is not a valid " + column.type() + "; is the file of this table, and whole?",
                    "\"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"", null);
        }
    }

    /** Whether every value is valid input for its column's type (one array per column); a data exception says no. */
    private static boolean casts(Connection c, PreparedStatement ps, List<List<String>> columnValues) throws SQLException {
        for (int k = 0; k < columnValues.size(); k++) {
            ps.setArray(k + 1, c.createArrayOf("text", columnValues.get(k).toArray()));
        }
        try (var rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                return false;
            }
            throw e;
        }
    }
}
