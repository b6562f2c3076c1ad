package io.ace.repair;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The statements of a set-based repair on one node. The diff file's rows for the target are
 * copied into {@link #STAGE}, typed with the table's own column types (so each value goes
 * through its type's input function, exactly as a cast of the file's text does), and the rows the
 * pairs' other nodes have now for those keys into {@link #CURRENT}; the changes are planned from
 * them in one statement, each writing the other node's row as it is now, and stale when that row
 * is not the one the file recorded; then each kind of change is written by one statement
 * that takes the target rows' locks itself and writes a row only if it still has the value the
 * diff file recorded (compared through the columns' text form, which is exact: numeric scale,
 * -0, microseconds; a row changed concurrently is compared again in its new version). A change
 * not written is then classified: already in place, or stale. Staged and planned columns are
 * named by position ({@code c1}, {@code b1}, {@code a1}, {@code k1}), so no user column name can
 * collide with them.
 */
final class RepairSql {

    /** The diff file's rows for the target: pair position, whether the row is the target's, file position, then the columns. */
    static final String STAGE = "pg_temp.ace_repair_row";
    /** One row per change: position, kind, filled columns (fix-nulls), status, key, the row before and the row after. */
    static final String CHANGES = "pg_temp.ace_repair_change";
    /** The rows the other node of each pair has now for the pair's staged keys: pair position, then the columns. */
    static final String CURRENT = "pg_temp.ace_repair_current";
    /**
     * The same rows with every column of the table, when the diff compared only some by choice
     * (--columns, --exclude-columns): a row missing on the target is inserted whole from them.
     */
    static final String WHOLE = "pg_temp.ace_repair_whole";

    static final String READY = "ready";
    static final String STALE = "stale";
    static final String ALREADY = "already";
    /** A ready change its write statement did not write, to be classified. */
    private static final String UNWRITTEN = "unwritten";
    /** A planned change whose group's transaction has not come yet (--preserve-origin writes one group per transaction). */
    private static final String WAITING = "waiting";
    /** A change of a group already committed, set aside so the next group's writes do not take it again. */
    private static final String WRITTEN = "written";

    private final TableShape shape;
    private final List<Column> columns;
    private final List<Column> key;
    /** 1-based positions of the key columns among the table's columns. */
    private final List<Integer> keyPositions;
    /** 1-based positions of the non-key columns. */
    private final List<Integer> nonKeyPositions;
    /** Every column of the table when rows missing on the target are inserted whole ({@link #WHOLE}); null otherwise. */
    private final TableShape whole;
    /** 1-based positions of the key columns among {@link #whole}'s. */
    private final List<Integer> wholeKeyPositions;
    /**
     * Whether the other nodes' rows are read with the origin and commit time of their last change,
     * to be written under them one group per transaction: the temporary tables then outlive a commit.
     */
    private final boolean origins;
    /**
     * Whether the table has inheritance children, where an insert into the parent would not reach
     * the child that holds the row on the other node: rows are read with their relation, and
     * inserted into it.
     */
    private final boolean routed;

    RepairSql(TableShape shape) {
        this(shape, null, false, false);
    }

    /**
     * @param whole   the table with every column when {@code shape} has only the columns a diff
     *                compared by choice: inserted rows then take every column from the other node
     * @param origins read the other nodes' rows with their origin and commit time (--preserve-origin)
     * @param routed  the table has inheritance children: rows are inserted into the relation that holds them on the other node
     */
    RepairSql(TableShape shape, TableShape whole, boolean origins, boolean routed) {
        this.shape = shape;
        this.origins = origins;
        this.routed = routed;
        this.whole = whole == null || whole.columns().size() == shape.columns().size() ? null : whole;
        this.wholeKeyPositions = this.whole == null ? List.of() : positionsIn(this.whole.columns(), shape.keyColumns());
        this.columns = shape.columns();
        this.key = shape.keyColumns();
        this.keyPositions = key.stream().map(c -> columns.indexOf(c) + 1).toList();
        this.nonKeyPositions = IntStream.rangeClosed(1, columns.size()).filter(i -> !keyPositions.contains(i)).boxed().toList();
    }

    String createStage() {
        return "CREATE TEMP TABLE ace_repair_row (ace_pair int NOT NULL, ace_mine boolean NOT NULL, ace_ord bigint NOT NULL, "
                + positions(i -> "c" + i + " " + typed(columns.get(i - 1))) + ")" + onCommit();
    }

    /** Temporary tables go with the transaction, unless rows are written one origin group per transaction after it. */
    private String onCommit() {
        return origins ? "" : " ON COMMIT DROP";
    }

    /** The staging table's columns in COPY order. */
    List<String> stageColumns() {
        List<String> names = new ArrayList<>(List.of("ace_pair", "ace_mine", "ace_ord"));
        IntStream.rangeClosed(1, columns.size()).forEach(i -> names.add("c" + i));
        return names;
    }

    /** Lets the planner join the staged rows by key, with statistics of what was staged. */
    List<String> prepareStage() {
        return List.of("CREATE INDEX ON " + STAGE + " (ace_pair, " + keyList("", "c") + ")", "ANALYZE " + STAGE);
    }

    /** The tables the other nodes' rows are read into: {@link #CURRENT}, and {@link #WHOLE} when inserts are whole. */
    List<String> createCurrent() {
        String current = "CREATE TEMP TABLE ace_repair_current (ace_pair int NOT NULL, " + positions(i -> "c" + i + " " + typed(columns.get(i - 1)))
                + extraColumns() + ")" + onCommit();
        if (whole == null) {
            return List.of(current);
        }
        return List.of(current, "CREATE TEMP TABLE ace_repair_whole (ace_pair int NOT NULL, " + IntStream.rangeClosed(1, whole.columns().size())
                .mapToObj(i -> "w" + i + " " + typed(whole.columns().get(i - 1))).collect(Collectors.joining(", ")) + extraColumns() + ")"
                + onCommit());
    }

    /** What is read with the other node's row after its columns: with origins its origin id and commit time, when routed its relation. */
    private String extraColumns() {
        return (origins ? ", ace_origin int, ace_commit_ts timestamptz" : "") + (routed ? ", ace_relation text" : "");
    }

    /** Those columns by name, of the rows {@code alias} ({@code ""} for none): {@code , n.ace_origin, n.ace_commit_ts}. */
    private String extras(String alias) {
        String prefix = alias.isEmpty() ? "" : alias + ".";
        return (origins ? ", " + prefix + "ace_origin, " + prefix + "ace_commit_ts" : "") + (routed ? ", " + prefix + "ace_relation" : "");
    }

    /** The same, as the other node's query reads it from its row {@code alias}. */
    String fetchedExtras(String alias) {
        String origin = "pg_catalog.pg_xact_commit_timestamp_origin(" + alias + ".xmin)";
        return (origins ? ", (" + origin + ").roident::int, (" + origin + ").\"timestamp\"" : "")
                + (routed ? ", " + alias + ".tableoid::regclass::text" : "");
    }

    /** COPY out of a pair's distinct staged keys, both sides'. */
    String pairKeys(int pair) {
        return "COPY (SELECT DISTINCT " + keyList("", "c") + " FROM " + STAGE + " WHERE ace_pair = " + pair + ") TO STDOUT";
    }

    /**
     * Indexes the other nodes' rows for the planning; when they were read whole, the compared
     * columns are first taken from them into {@link #CURRENT}, so each row is read from its node once.
     */
    List<String> prepareCurrent() {
        List<String> statements = new ArrayList<>();
        if (whole != null) {
            statements.add("INSERT INTO " + CURRENT + " SELECT ace_pair, " + list("", "w", positionsIn(whole.columns(), columns))
                    + extras("") + " FROM " + WHOLE);
            statements.add("CREATE INDEX ON " + WHOLE + " (" + list("", "w", wholeKeyPositions) + ", ace_pair)");
            statements.add("ANALYZE " + WHOLE);
        }
        statements.add("CREATE INDEX ON " + CURRENT + " (ace_pair, " + keyList("", "c") + ")");
        statements.add("ANALYZE " + CURRENT);
        return statements;
    }

    /** The columns read from the other nodes: every one when inserts are whole, else the compared ones. */
    List<Column> fetchedColumns() {
        return whole == null ? columns : whole.columns();
    }

    /** Where the other nodes' rows are copied: {@link #WHOLE} when inserts are whole, else {@link #CURRENT}. */
    String fetchedInto() {
        return whole == null ? CURRENT : WHOLE;
    }

    /** 1-based positions of {@code wanted} among {@code all}. */
    private static List<Integer> positionsIn(List<Column> all, List<Column> wanted) {
        return wanted.stream().map(c -> all.indexOf(c) + 1).toList();
    }

    /**
     * Plans the changes of the repair mode, all ready to be written; with {@code checked} (a dry
     * run, which writes nothing) each gets its status against the target's current row instead.
     * The statements to run in order.
     */
    List<String> planChanges(RepairOptions options, boolean checked) {
        String plan = switch (options.mode()) {
            case FIX_NULLS -> fixNulls();
            case BIDIRECTIONAL -> bidirectional();
            default -> fromSource(options);
        };
        String create = "CREATE TEMP TABLE ace_repair_change" + onCommit() + " AS SELECT p.*, CASE WHEN p.ace_moved THEN '" + STALE + "' ELSE ";
        String changes = checked
                ? create + status(READY) + " END AS ace_status FROM (" + plan + ") p LEFT JOIN " + shape.name().sql() + " t ON " + targetRow()
                : create + "'" + READY + "' END AS ace_status FROM (" + plan + ") p";
        // the writes join the changes with what they wrote: without statistics the planner takes
        // a few changes for granted and joins them in nested loops, quadratic in the changes
        return List.of(changes, "ANALYZE " + CHANGES);
    }

    /**
     * A planned change's status against the target row {@code t}: {@code ready} (given as
     * {@code ready}: ready, or stale for a change already tried) when the row is as the diff
     * file recorded it, already when it has the wanted value, stale otherwise.
     */
    private String status(String ready) {
        String present = "t." + key.get(0).quoted() + " IS NOT NULL";
        return "CASE p.ace_kind"
                + " WHEN 'insert' THEN CASE WHEN NOT " + present + " THEN '" + ready + "' WHEN " + matches("a") + " THEN '" + ALREADY + "' ELSE '" + STALE + "' END"
                + " WHEN 'delete' THEN CASE WHEN NOT " + present + " THEN '" + ALREADY + "' WHEN " + matches("b") + " THEN '" + ready + "' ELSE '" + STALE + "' END"
                + " ELSE CASE WHEN NOT " + present + " THEN '" + STALE + "' WHEN " + matches("b") + " THEN '" + ready + "' WHEN " + matches("a")
                + " THEN '" + ALREADY + "' ELSE '" + STALE + "' END END";
    }

    private String targetRow() {
        return shape.keyTuple("t") + " = " + tuple("p.", "k");
    }

    /** The target row has every column of the planned row {@code side} ("b" before, "a" after), compared as text. */
    private String matches(String side) {
        return "(" + positions(i -> "t." + columns.get(i - 1).quoted() + "::text IS NOT DISTINCT FROM p." + side + i + "::text", " AND ") + ")";
    }

    /**
     * From a source of truth: a row only on the source is inserted, a row on both updated, a row
     * only on the target deleted (upsert-only: never deleted; insert-only: only inserted). The row
     * written is the source's now, and a change whose source row is not the one the diff file
     * recorded (changed since, or never there) is stale.
     */
    private String fromSource(RepairOptions options) {
        String where = switch (options.mode()) {
            case INSERT_ONLY -> " WHERE m.ace_ord IS NULL";
            case UPSERT_ONLY -> " WHERE s.ace_ord IS NOT NULL";
            default -> "";
        };
        return "SELECT COALESCE(s.ace_ord, m.ace_ord) AS ace_ord,"
                + " CASE WHEN m.ace_ord IS NULL THEN 'insert' WHEN s.ace_ord IS NULL THEN 'delete' ELSE 'update' END AS ace_kind,"
                + " NULL::int[] AS ace_filled, " + moved("s") + ", " + keyPositionsAs(i -> "COALESCE(s.c" + i + ", m.c" + i + ")") + ", "
                + positions(i -> "m.c" + i + " AS b" + i) + ", " + positions(i -> "n.c" + i + " AS a" + i)
                + extras("n")
                + " FROM " + side("s", false) + " FULL JOIN " + side("m", true) + " ON m.ace_pair = s.ace_pair AND " + sameKey("m", "s")
                + " LEFT JOIN " + CURRENT + " n ON n.ace_pair = COALESCE(s.ace_pair, m.ace_pair) AND "
                + tuple("n.", "c", keyPositions) + " = (" + keyList(i -> "COALESCE(s.c" + i + ", m.c" + i + ")") + ")" + where;
    }

    /**
     * Whether the other node's row now ({@code n}) is not the one the diff file recorded for it
     * ({@code recorded}, absent when the file says the node lacks the key), compared as text.
     */
    private String moved(String recorded) {
        return "NOT CASE WHEN " + recorded + ".ace_ord IS NULL THEN n.ace_pair IS NULL ELSE n.ace_pair IS NOT NULL AND "
                + positions(i -> "n.c" + i + "::text IS NOT DISTINCT FROM " + recorded + ".c" + i + "::text", " AND ") + " END AS ace_moved";
    }

    /** The other node's row now for the staged row {@code o}'s pair and key. */
    private String currentOf(String o) {
        return " LEFT JOIN " + CURRENT + " n ON n.ace_pair = " + o + ".ace_pair AND " + sameKey("n", o);
    }

    /** No source: each pair's rows missing on the target are inserted, the first pair of the file naming a key wins. */
    private String bidirectional() {
        return "SELECT DISTINCT ON (" + keyList("o.", "c") + ") o.ace_ord, 'insert' AS ace_kind, NULL::int[] AS ace_filled, "
                + moved("o") + ", " + keyPositionsAs(i -> "o.c" + i) + ", "
                + positions(i -> "CAST(NULL AS " + columns.get(i - 1).type() + ") AS b" + i) + ", "
                + positions(i -> "n.c" + i + " AS a" + i) + extras("n") + " FROM " + side("o", false) + currentOf("o")
                + " WHERE NOT EXISTS (SELECT 1 FROM " + STAGE + " m WHERE m.ace_mine AND m.ace_pair = o.ace_pair AND " + sameKey("m", "o") + ")"
                + " ORDER BY " + keyList("o.", "c") + ", o.ace_pair";
    }

    /**
     * No source: for a key on both sides of a pair, each column NULL on the target and not on the
     * other node is filled, with the other node's value now; the first pair of the file that fills
     * something wins.
     */
    private String fixNulls() {
        Function<Integer, String> fills = i -> "m.c" + i + " IS NULL AND o.c" + i + " IS NOT NULL";
        String filled = nonKeyPositions.isEmpty() ? "NULL::int[]" : "array_remove(ARRAY["
                + nonKeyPositions.stream().map(i -> "CASE WHEN " + fills.apply(i) + " THEN " + i + " END").collect(Collectors.joining(", "))
                + "], NULL)";
        String anyFill = nonKeyPositions.isEmpty() ? "false"
                : nonKeyPositions.stream().map(i -> "(" + fills.apply(i) + ")").collect(Collectors.joining(" OR "));
        // only the columns it fills need be as recorded on the other node: the other node's own repair may fill the rest meanwhile
        String moved = "n.ace_pair IS NULL" + nonKeyPositions.stream()
                .map(i -> " OR (" + fills.apply(i) + ") AND n.c" + i + "::text IS DISTINCT FROM o.c" + i + "::text").collect(Collectors.joining());
        return "SELECT DISTINCT ON (" + keyList("m.", "c") + ") m.ace_ord, 'update' AS ace_kind, " + filled + " AS ace_filled, "
                + moved + " AS ace_moved, " + keyPositionsAs(i -> "m.c" + i) + ", " + positions(i -> "m.c" + i + " AS b" + i) + ", "
                + positions(i -> (keyPositions.contains(i) ? "m.c" + i : "CASE WHEN " + fills.apply(i) + " THEN n.c" + i + " ELSE m.c" + i + " END")
                        + " AS a" + i)
                + extras("n") + " FROM " + side("m", true) + " JOIN " + side("o", false) + " ON o.ace_pair = m.ace_pair AND " + sameKey("m", "o")
                + currentOf("o") + " WHERE " + anyFill + " ORDER BY " + keyList("m.", "c") + ", m.ace_pair";
    }

    /** Deletes the ready deletions whose row is as recorded; marks the others unwritten. */
    String applyDeletes() {
        return unwrittenAfter("delete", "DELETE FROM " + shape.name().sql() + " t USING " + CHANGES + " p WHERE " + ready("delete")
                + " AND " + targetRow() + " AND " + matches("b") + " RETURNING p.ace_ord");
    }

    /**
     * Sets every non-key column of the ready updates whose row is as recorded to the row after;
     * marks the others unwritten. Null when the table has only key columns (nothing to update).
     */
    String applyUpdates() {
        if (nonKeyPositions.isEmpty()) {
            return null;
        }
        return unwrittenAfter("update", "UPDATE " + shape.name().sql() + " t SET " + nonKeyPositions.stream()
                .map(i -> columns.get(i - 1).quoted() + " = p.a" + i).collect(Collectors.joining(", "))
                + " FROM " + CHANGES + " p WHERE " + ready("update") + " AND " + targetRow() + " AND " + matches("b") + " RETURNING p.ace_ord");
    }

    /**
     * Inserts the ready insertions (whole rows from {@link #WHOLE} when the table has columns the
     * diff did not compare, the first pair's row of a key); a key another session inserted
     * meanwhile is left alone and marked unwritten.
     */
    String applyInserts() {
        return applyInserts(shape.name().sql(), null);
    }

    /**
     * When routed: the insertions of the rows the other node holds in {@code relation} (as it
     * printed it), into {@code into} (that relation on the target, or the table when the target
     * has none of that name). An inheritance child has no key constraint of its parent's, so a key
     * another session inserted meanwhile is found by the unwritten check alone.
     */
    String applyInserts(String into, String relation) {
        String keyColumns = shape.keyList(null);
        String ready = ready("insert") + (relation == null ? "" : " AND p.ace_relation = '" + relation.replace("'", "''") + "'");
        String insert = whole == null
                ? "INSERT INTO " + into + " (" + columns.stream().map(Column::quoted).collect(Collectors.joining(", "))
                        + ") SELECT " + positions(i -> "p.a" + i) + " FROM " + CHANGES + " p WHERE " + ready
                : "INSERT INTO " + into + " (" + whole.columns().stream().map(Column::quoted).collect(Collectors.joining(", "))
                        + ") SELECT " + IntStream.rangeClosed(1, whole.columns().size()).mapToObj(i -> "w.w" + i).collect(Collectors.joining(", "))
                        + " FROM " + CHANGES + " p JOIN (SELECT DISTINCT ON (" + list("", "w", wholeKeyPositions) + ") * FROM " + WHOLE
                        + " ORDER BY " + list("", "w", wholeKeyPositions) + ", ace_pair) w ON " + tuple("w.", "w", wholeKeyPositions) + " = "
                        + tuple("p.", "k") + " WHERE " + ready;
        insert += (relation == null ? " ON CONFLICT (" + keyColumns + ") DO NOTHING" : " ON CONFLICT DO NOTHING") + " RETURNING " + keyColumns;
        return "WITH written AS (" + insert + ") UPDATE " + CHANGES + " p SET ace_status = '" + UNWRITTEN + "' WHERE " + ready
                + " AND NOT EXISTS (SELECT 1 FROM written w WHERE " + shape.keyTuple("w") + " = " + tuple("p.", "k") + ")";
    }

    boolean routed() {
        return routed;
    }

    /** When routed: the relations (as the other nodes printed them) that hold the rows to insert. */
    String insertRelations() {
        return "SELECT DISTINCT ace_relation FROM " + CHANGES + " p WHERE " + ready("insert") + " AND ace_relation IS NOT NULL";
    }

    /** When routed: the table and its inheritance descendants on this node, as it prints them. */
    String ownRelations() {
        String table = "'" + shape.name().sql().replace("'", "''") + "'::regclass";
        return "WITH RECURSIVE r(oid) AS (SELECT " + table + "::oid UNION SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN r ON i.inhparent = r.oid)"
                + " SELECT oid::regclass::text FROM r";
    }

    /** Runs a write returning the positions it wrote, and marks the ready changes of its kind it did not write. */
    private String unwrittenAfter(String kind, String write) {
        return "WITH written AS (" + write + ") UPDATE " + CHANGES + " p SET ace_status = '" + UNWRITTEN + "' WHERE " + ready(kind)
                + " AND NOT EXISTS (SELECT 1 FROM written w WHERE w.ace_ord = p.ace_ord)";
    }

    private static String ready(String kind) {
        return "p.ace_status = '" + READY + "' AND p.ace_kind = '" + kind + "'";
    }

    /**
     * Classifies the changes their write did not write (the row changed since the diff, or
     * another session wrote the key): already in place, or stale. One index lookup per change:
     * a repair run again finds every change unwritten.
     */
    String classifyUnwritten() {
        return "UPDATE " + CHANGES + " p SET ace_status = (SELECT " + status(STALE) + " FROM (VALUES (1)) one LEFT JOIN "
                + shape.name().sql() + " t ON " + targetRow() + ") WHERE p.ace_status = '" + UNWRITTEN + "'";
    }

    /**
     * The changes table a repair plan fills itself (see {@link PlanDecisions}), in the layout
     * {@link #planChanges} gives it, so the same statements write it.
     */
    String createPlannedChanges() {
        return "CREATE TEMP TABLE ace_repair_change (ace_ord bigint NOT NULL, ace_kind text NOT NULL, ace_filled int[], ace_moved boolean NOT NULL, "
                + IntStream.rangeClosed(1, key.size()).mapToObj(k -> "k" + k + " " + typed(key.get(k - 1))).collect(Collectors.joining(", ")) + ", "
                + positions(i -> "b" + i + " " + typed(columns.get(i - 1))) + ", " + positions(i -> "a" + i + " " + typed(columns.get(i - 1)))
                + ", ace_status text NOT NULL" + (routed ? ", ace_relation text" : "") + ")" + onCommit();
    }

    /** The planned changes table's columns in COPY order. */
    List<String> plannedChangeColumns() {
        List<String> names = new ArrayList<>(List.of("ace_ord", "ace_kind", "ace_moved"));
        IntStream.rangeClosed(1, key.size()).forEach(k -> names.add("k" + k));
        IntStream.rangeClosed(1, columns.size()).forEach(i -> names.add("b" + i));
        IntStream.rangeClosed(1, columns.size()).forEach(i -> names.add("a" + i));
        names.add("ace_status");
        if (routed) {
            names.add("ace_relation");
        }
        return names;
    }

    /** With origins: every ready change waits for its group's transaction. */
    String holdReady() {
        return "UPDATE " + CHANGES + " SET ace_status = '" + WAITING + "' WHERE ace_status = '" + READY + "'";
    }

    /** With origins: the groups of waiting changes, one per origin and commit time of the row written (none for a delete). */
    String waitingGroups() {
        return "SELECT DISTINCT ace_origin, ace_commit_ts::text FROM " + CHANGES + " WHERE ace_status = '" + WAITING + "' ORDER BY 1 NULLS FIRST, 2";
    }

    /** With origins: makes one group's changes (origin id, commit time; parameters, either null) ready to write. */
    String readyGroup() {
        return "UPDATE " + CHANGES + " SET ace_status = '" + READY + "' WHERE ace_status = '" + WAITING + "'"
                + " AND ace_origin IS NOT DISTINCT FROM CAST(? AS int) AND ace_commit_ts IS NOT DISTINCT FROM CAST(? AS timestamptz)";
    }

    /** With origins: a group's written changes step aside ({@code ready} to {@code written}), or with {@code back}, all return. */
    String setAsideWritten(boolean back) {
        return "UPDATE " + CHANGES + " SET ace_status = '" + (back ? READY : WRITTEN) + "' WHERE ace_status = '" + (back ? WRITTEN : READY) + "'";
    }

    /** With origins, the temporary tables, which outlive the transactions: dropped when the repair is done. */
    String dropTemporary() {
        return "DROP TABLE IF EXISTS " + STAGE + ", " + CURRENT + ", " + CHANGES + (whole == null ? "" : ", " + WHOLE);
    }

    /** Changes by kind and status. */
    String counts() {
        return "SELECT ace_kind, ace_status, count(*) FROM " + CHANGES + " GROUP BY ace_kind, ace_status";
    }

    /**
     * Every change in the diff file's order: kind, status, filled column positions, the row before
     * and the planned row as text, then whether the target holds a row of the key now and that row,
     * read in the repair's own transaction after its writes: what the node holds when it commits;
     * last the change's position.
     */
    String changes() {
        return "SELECT p.ace_kind, p.ace_status, p.ace_filled, " + positions(i -> "p.b" + i + "::text") + ", "
                + positions(i -> "p.a" + i + "::text") + ", t.ctid IS NOT NULL, " + positions(i -> "t." + columns.get(i - 1).quoted() + "::text")
                + ", p.ace_ord FROM " + CHANGES + " p LEFT JOIN " + shape.name().sql() + " t ON " + targetRow() + " ORDER BY p.ace_ord";
    }

    /** The statement that writes one change, with literals, for dry-run listings. */
    String statement(RepairChange change) {
        String table = shape.name().sql();
        return switch (change.kind()) {
            case INSERT -> "INSERT INTO " + table + " (" + columns.stream().map(Column::quoted).collect(Collectors.joining(", ")) + ") VALUES ("
                    + columns.stream().map(c -> literal(change.after().get(c.name()).sqlText(), c)).collect(Collectors.joining(", ")) + ")"
                    + (whole == null ? "" : " -- with " + notCompared() + " from the same node's row, as it is when the repair runs");
            case UPDATE -> "UPDATE " + table + " SET " + updated(change.columns()).stream()
                    .map(c -> c.quoted() + " = " + literal(change.after().get(c.name()).sqlText(), c)).collect(Collectors.joining(", "))
                    + " WHERE " + keyEquals(change);
            case DELETE -> "DELETE FROM " + table + " WHERE " + keyEquals(change);
        };
    }

    /** The columns the diff did not compare, as a list of quoted names. */
    String notCompared() {
        return whole.columnsLeftOutBy(shape).stream().map(Column::quoted).collect(Collectors.joining(", "));
    }

    private List<Column> updated(List<String> filled) {
        List<Column> nonKey = nonKeyPositions.stream().map(i -> columns.get(i - 1)).toList();
        return filled.isEmpty() ? nonKey : nonKey.stream().filter(c -> filled.contains(c.name())).toList();
    }

    private String keyEquals(RepairChange change) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            parts.add(key.get(i).quoted() + " = " + literal(change.key().get(i), key.get(i)));
        }
        return String.join(" AND ", parts);
    }

    private static String literal(String value, Column c) {
        return value == null ? "NULL" : "CAST('" + value.replace("'", "''") + "' AS " + c.type() + ")";
    }

    /** {@code alias} over the staged rows of the target ({@code mine}) or of the other nodes. */
    private static String side(String alias, boolean mine) {
        return "(SELECT * FROM " + STAGE + " WHERE " + (mine ? "" : "NOT ") + "ace_mine) " + alias;
    }

    private String sameKey(String a, String b) {
        return tuple(a + ".", "c", keyPositions) + " = " + tuple(b + ".", "c", keyPositions);
    }

    /** {@code expr(p1) AS k1, ...} for the key columns. */
    private String keyPositionsAs(Function<Integer, String> expr) {
        return IntStream.range(0, keyPositions.size()).mapToObj(k -> expr.apply(keyPositions.get(k)) + " AS k" + (k + 1))
                .collect(Collectors.joining(", "));
    }

    /** {@code p.k1} or {@code (p.k1, p.k2)}: the planned key. */
    private String tuple(String alias, String prefix) {
        return tuple(alias, prefix, IntStream.rangeClosed(1, key.size()).boxed().toList());
    }

    private static String tuple(String alias, String prefix, List<Integer> positions) {
        String list = list(alias, prefix, positions);
        return positions.size() == 1 ? list : "(" + list + ")";
    }

    /** {@code p.c1, p.c3}: the columns at these positions. */
    private static String list(String alias, String prefix, List<Integer> positions) {
        return positions.stream().map(i -> alias + prefix + i).collect(Collectors.joining(", "));
    }

    /** The staged key columns, e.g. {@code s.c1, s.c3}. */
    private String keyList(String alias, String prefix) {
        return keyList(i -> alias + prefix + i);
    }

    private String keyList(Function<Integer, String> expr) {
        return keyPositions.stream().map(expr).collect(Collectors.joining(", "));
    }

    private String positions(Function<Integer, String> expr) {
        return positions(expr, ", ");
    }

    private String positions(Function<Integer, String> expr, String separator) {
        return IntStream.rangeClosed(1, columns.size()).mapToObj(expr::apply).collect(Collectors.joining(separator));
    }

    /** A column's declared type, with its collation, so keys compare and sort as in the table. */
    private static String typed(Column c) {
        return c.type() + (c.collation() == null ? "" : " COLLATE " + c.collation());
    }
}
