package io.ace.repair;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.diff.ComparedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The statements that find, count, insert and delete the copies of a multiset's rows (a table
 * without a key, compared as a multiset of whole rows). A row is identified by its text: the
 * record of every column's text as the session prints it ({@code ROW(t."a"::text, ...)::text}),
 * which is exact (numeric scale, -0, microseconds, a NULL apart from an empty string) and can be
 * joined by hash, so finding every listed row on a node costs one scan of its table. Staged
 * columns are named by position ({@code c1}), typed with the table's own types, so a file's value
 * goes through its type's input function as a cast of its text does.
 */
final class MultisetSql {

    /** The diff file's listings for the target's pair: pair position, whether the target's, file position, copies, then the columns. */
    static final String LISTED = "pg_temp.ace_multiset_listed";
    /** One row per distinct listed row: first file position, text, hash, columns, and its copies as recorded on the target and the source. */
    static final String ROWS = "pg_temp.ace_multiset_row";
    /** The copies a node holds now of listed rows, by node position and text (rows it has none of are absent). */
    static final String COUNTS = "pg_temp.ace_multiset_count";
    /** The target's copies of the listed rows: the row's file position, the relation holding the copy, and where it lies. */
    static final String HELD = "pg_temp.ace_multiset_held";
    /** One row per distinct row: its counts now, what the repair does to it and its status. */
    static final String CHANGES = "pg_temp.ace_multiset_change";
    /** The target's copies a repair deletes. */
    static final String DOOMED = "pg_temp.ace_multiset_doomed";
    /** On a node being counted, the texts of the rows to count. */
    static final String TEXTS = "pg_temp.ace_multiset_text";


    private final TableShape shape;
    private final List<Column> columns;
    private final String rowHash;

    MultisetSql(ComparedTable table) {
        this.shape = table.shape();
        this.columns = shape.columns();
        this.rowHash = table.rowHashSql();
    }

    /** The text a row is identified by, of the table's row {@code alias}. */
    String tableRowText(String alias) {
        return rowText(i -> alias + "." + columns.get(i - 1).quoted());
    }

    /** The same, of a staged row {@code alias} (columns {@code c1, c2, ...}). */
    String stagedRowText(String alias) {
        return rowText(i -> alias + ".c" + i);
    }

    private String rowText(IntFunction<String> column) {
        // a record's text quotes what needs quoting, and prints NULL as nothing and '' as "": one text per row, and only one
        return "ROW(" + positions(i -> column.apply(i) + "::text") + ")::text COLLATE \"C\"";
    }

    /** The staged row {@code alias}'s hash as comparisons compute it: its columns under the table's names. */
    String stagedRowHash(String alias) {
        return "(SELECT " + rowHash + " FROM (SELECT " + positions(i -> alias + ".c" + i + " AS " + columns.get(i - 1).quoted()) + ") t)";
    }

    /** The target's listings, in the layout {@link RepairStaging} copies them in. */
    String createListed() {
        return "CREATE TEMP TABLE ace_multiset_listed (ace_pair int NOT NULL, ace_mine boolean NOT NULL, ace_ord bigint NOT NULL,"
                + " ace_copies bigint NOT NULL, " + positions(i -> "c" + i + " " + typed(columns.get(i - 1))) + ") ON COMMIT DROP";
    }

    List<String> listedColumns() {
        List<String> names = new ArrayList<>(List.of("ace_pair", "ace_mine", "ace_ord", "ace_copies"));
        IntStream.rangeClosed(1, columns.size()).forEach(i -> names.add("c" + i));
        return names;
    }

    /**
     * Each distinct listed row once, at its first position in the file; with {@code recorded}, with
     * its copies as recorded on the target ({@code ace_mine}) and on the other node of the pair: a
     * node the file does not list for a row held none.
     */
    List<String> distinctRows(boolean recorded) {
        return List.of("CREATE TEMP TABLE ace_multiset_row ON COMMIT DROP AS SELECT DISTINCT ON (l.ace_text) l.ace_ord, l.ace_text, "
                + stagedRowHash("l") + " AS ace_hash, " + positions(i -> "l.c" + i)
                + (recorded ? ", COALESCE(max(l.ace_copies) FILTER (WHERE l.ace_mine) OVER w, 0) AS ace_recorded"
                        + ", COALESCE(max(l.ace_copies) FILTER (WHERE NOT l.ace_mine) OVER w, 0) AS ace_source_recorded" : "")
                + " FROM (SELECT s.*, " + stagedRowText("s") + " AS ace_text FROM " + LISTED + " s) l"
                + (recorded ? " WINDOW w AS (PARTITION BY l.ace_text)" : "") + " ORDER BY l.ace_text, l.ace_ord",
                "ANALYZE " + ROWS);
    }

    /**
     * After every node was counted, each distinct row from {@code skip} on, in the order of its
     * text: hash, columns as text, then its copies on each of {@code nodes} nodes by position.
     */
    String recounted(int nodes) {
        return "SELECT r.ace_hash, " + positions(i -> "r.c" + i + "::text") + ", "
                + IntStream.range(0, nodes).mapToObj(n -> "COALESCE(k.n" + n + ", 0)").collect(Collectors.joining(", "))
                + " FROM " + ROWS + " r LEFT JOIN (SELECT ace_text, " + IntStream.range(0, nodes)
                        .mapToObj(n -> "sum(ace_copies) FILTER (WHERE ace_node = " + n + ") AS n" + n).collect(Collectors.joining(", "))
                + " FROM " + COUNTS + " GROUP BY ace_text) k ON k.ace_text = r.ace_text ORDER BY r.ace_text OFFSET ?";
    }

    /** The distinct rows' texts, COPY out of the session that staged them. */
    String rowTexts() {
        return "COPY (SELECT ace_text FROM " + ROWS + ") TO STDOUT";
    }

    String createCounts() {
        return "CREATE TEMP TABLE ace_multiset_count (ace_node int NOT NULL, ace_text text COLLATE \"C\" NOT NULL, ace_copies bigint NOT NULL)"
                + " ON COMMIT DROP";
    }

    /** On a node to count: the texts of the rows to count, which the counted session is given. */
    String createTexts() {
        return "CREATE TEMP TABLE ace_multiset_text (ace_text text COLLATE \"C\" NOT NULL) ON COMMIT DROP";
    }

    /** On a node, COPY out of its copies of each given row it holds, labelled {@code node}: one scan of the table. */
    String countCopies(int node) {
        return "COPY (SELECT " + node + ", x.ace_text, count(*) FROM (SELECT " + tableRowText("t") + " AS ace_text FROM "
                + shape.name().sql() + " t) x WHERE x.ace_text IN (SELECT ace_text FROM " + TEXTS + ") GROUP BY x.ace_text) TO STDOUT";
    }

    String createHeld() {
        return "CREATE TEMP TABLE ace_multiset_held (ace_ord bigint NOT NULL, ace_relation oid NOT NULL, ace_ctid tid NOT NULL) ON COMMIT DROP";
    }

    /**
     * The target's copies of the listed rows, found in one scan of its table and, with {@code lock},
     * locked: another session can then neither change nor delete them until the repair commits, and
     * a copy changed while the repair waited for its lock is judged in its new version.
     */
    String findHeld(boolean lock) {
        return "INSERT INTO " + HELD + " SELECT r.ace_ord, t.tableoid, t.ctid FROM " + shape.name().sql() + " t JOIN " + ROWS
                + " r ON " + tableRowText("t") + " = r.ace_text" + (lock ? " FOR UPDATE OF t" : "");
    }

    /**
     * What becomes of each distinct row: ready when the target and the source hold the copies the
     * diff file recorded, already when the target holds the source's copies, stale otherwise. The
     * target is to hold the source's copies: an insert when it has fewer (with {@code insertOnly},
     * the only rows planned), a delete when it has more.
     */
    List<String> planChanges(boolean insertOnly) {
        String found = "COALESCE(h.ace_copies, 0)";
        String sourceFound = "COALESCE(s.ace_copies, 0)";
        return List.of("CREATE TEMP TABLE ace_multiset_change ON COMMIT DROP AS SELECT r.*, " + found + " AS ace_found, "
                + sourceFound + " AS ace_source_found,"
                + " CASE WHEN r.ace_source_recorded > r.ace_recorded THEN 'insert' ELSE 'delete' END AS ace_kind,"
                + " CASE WHEN " + found + " = r.ace_source_recorded AND " + sourceFound + " = r.ace_source_recorded THEN '" + RepairSql.ALREADY + "'"
                + " WHEN " + found + " <> r.ace_recorded OR " + sourceFound + " <> r.ace_source_recorded THEN '" + RepairSql.STALE + "'"
                + " ELSE '" + RepairSql.READY + "' END AS ace_status"
                + " FROM " + ROWS + " r LEFT JOIN (SELECT ace_text, ace_copies FROM " + COUNTS + ") s ON s.ace_text = r.ace_text"
                + " LEFT JOIN (SELECT ace_ord, count(*) AS ace_copies FROM " + HELD + " GROUP BY ace_ord) h ON h.ace_ord = r.ace_ord"
                + (insertOnly ? " WHERE r.ace_source_recorded > r.ace_recorded" : ""),
                // the target's surplus copies of the rows it is to hold fewer of, the first ones in the order they lie
                "CREATE TEMP TABLE ace_multiset_doomed ON COMMIT DROP AS SELECT h.ace_ord, h.ace_relation, h.ace_ctid FROM (SELECT held.*,"
                + " row_number() OVER (PARTITION BY held.ace_ord ORDER BY held.ace_relation, held.ace_ctid) AS ace_copy FROM " + HELD
                + " held) h JOIN " + CHANGES + " p ON p.ace_ord = h.ace_ord WHERE p.ace_status = '" + RepairSql.READY + "' AND p.ace_kind = 'delete'"
                + " AND h.ace_copy > p.ace_source_recorded");
    }

    /** The relations (oids) that hold copies to delete. */
    String doomedRelations() {
        return "SELECT DISTINCT ace_relation::bigint FROM " + DOOMED;
    }

    /** Deletes the doomed copies that one relation (its oid, twice, as parameters) holds: a lookup by place each. */
    String deleteDoomed() {
        return "DELETE FROM " + shape.name().sql() + " t WHERE t.tableoid = CAST(? AS oid)"
                + " AND t.ctid = ANY (ARRAY(SELECT ace_ctid FROM " + DOOMED + " WHERE ace_relation = CAST(? AS oid)))";
    }

    /** Inserts the copies the ready inserts miss, with the file's values (a partitioned table routes each). */
    String insertMissing() {
        return "INSERT INTO " + shape.name().sql() + " (" + columns.stream().map(Column::quoted).collect(Collectors.joining(", ")) + ") SELECT "
                + positions(i -> "p.c" + i) + " FROM " + CHANGES + " p CROSS JOIN LATERAL generate_series(1, p.ace_source_recorded - p.ace_found)"
                + " WHERE p.ace_status = '" + RepairSql.READY + "' AND p.ace_kind = 'insert'";
    }

    /** Copies planned (ready inserts and deletes: how many; others: rows) by kind and status. */
    String counts() {
        return "SELECT ace_kind, ace_status, count(*), COALESCE(sum(abs(ace_source_recorded - ace_found)), 0) FROM " + CHANGES
                + " GROUP BY ace_kind, ace_status";
    }

    /**
     * Every change in the diff file's order: kind, status, hash, the copies recorded and found on
     * the target and the source, the places of the copies it deletes as {@code relation ctid} (the
     * relation empty when it is the table), then the row's columns as text.
     */
    String changes() {
        String self = "'" + shape.name().sql().replace("'", "''") + "'::regclass";
        return "SELECT p.ace_kind, p.ace_status, p.ace_hash, p.ace_recorded, p.ace_found, p.ace_source_recorded, p.ace_source_found,"
                + " ARRAY(SELECT COALESCE(NULLIF(d.ace_relation, " + self + "::oid)::regclass::text, '') || ' ' || d.ace_ctid::text FROM "
                + DOOMED + " d WHERE d.ace_ord = p.ace_ord ORDER BY d.ace_relation, d.ace_ctid), "
                + positions(i -> "p.c" + i + "::text") + " FROM " + CHANGES + " p ORDER BY p.ace_ord";
    }

    /** With a dry run, the statement that inserts {@code copies} copies of a row (its values as text), with literals. */
    String insertStatement(List<String> values, long copies) {
        return "INSERT INTO " + shape.name().sql() + " (" + columns.stream().map(Column::quoted).collect(Collectors.joining(", ")) + ") SELECT "
                + IntStream.range(0, columns.size()).mapToObj(i -> literal(values.get(i), columns.get(i))).collect(Collectors.joining(", "))
                + " FROM generate_series(1, " + copies + ")";
    }

    /**
     * With a dry run, the statement that deletes the copies at {@code places} of one relation
     * ({@code relation} as the node prints it, empty for the table itself): by place, as the
     * repair finds them when it runs.
     */
    String deleteStatement(String relation, List<String> places) {
        return "DELETE FROM " + shape.name().sql() + " WHERE " + (relation.isEmpty() ? "" : "tableoid = " + quote(relation) + "::regclass AND ")
                + "ctid = ANY (ARRAY[" + places.stream().map(MultisetSql::quote).collect(Collectors.joining(", ")) + "]::tid[])";
    }

    private static String literal(String value, Column c) {
        return value == null ? "NULL" : "CAST(" + quote(value) + " AS " + c.type() + ")";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private String positions(IntFunction<String> expr) {
        return IntStream.rangeClosed(1, columns.size()).mapToObj(expr).collect(Collectors.joining(", "));
    }

    /** A column's declared type, with its collation. */
    private static String typed(Column c) {
        return c.type() + (c.collation() == null ? "" : " COLLATE " + c.collation());
    }
}
