package io.ace.repair;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.StatementGroup;
import io.ace.difffile.CopyRows;
import io.ace.difffile.DiffFileReader;
import io.ace.difffile.DiffFileReader.Value;
import io.ace.difffile.RowJson;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Repairs one node in one transaction: all its changes commit together or none does. The diff
 * file's rows for the node are streamed into a temporary table (COPY), the rows the other nodes
 * have now for those keys read next to them, the changes planned in one statement and written
 * by one statement per kind, so the cost grows with the rows repaired and memory does not. What
 * is written is the other node's row as it is now, never the file's: a key whose row there is not
 * the one the file recorded (changed since the diff, or never there) is left alone as stale. Each
 * write locks its rows and writes a row only while it has the value the file recorded; a target
 * row that changed since the diff is left alone and reported stale; a row that already has the
 * wanted value is counted as already repaired, so a resumed repair neither duplicates nor loses
 * a change.
 */
public final class RepairApplier {

    /** Hears each change, in the diff file's order, when a report or a dry-run listing wants them. */
    public interface ChangeListener {
        /**
         * @param statement with a dry run, the statement that would write the change (with
         *                  literals), otherwise null
         */
        void change(RepairChange change, RepairChange.Status status, String statement) throws Exception;
    }

    /** Rows read per round trip when changes are streamed back. */
    private static final int FETCH_SIZE = 5_000;

    private final TableShape shape;
    private final RepairSql sql;
    private final RepairOptions options;

    /**
     * @param shape the table as the diff file compared it
     * @param whole the table with every column when the diff compared only some by choice (rows
     *              missing on the target are then inserted whole), null otherwise
     */
    /** A repair of a table without inheritance children (see {@link #RepairApplier(TableShape, TableShape, RepairOptions, boolean)}). */
    public RepairApplier(TableShape shape, TableShape whole, RepairOptions options) {
        this(shape, whole, options, false);
    }

    /**
     * @param inherited the table has inheritance children: a missing row is inserted into the
     *                  relation that holds it on the other node (an insert into the parent would
     *                  not route there)
     */
    public RepairApplier(TableShape shape, TableShape whole, RepairOptions options, boolean inherited) {
        this.shape = shape;
        this.sql = new RepairSql(shape, whole, options.preserveOrigin(), inherited);
        this.options = options;
    }

    /**
     * Repairs {@code target} from {@code diffFile}, reading the rows to write from the other nodes
     * of its pairs among {@code sessions}; {@code listener} (null for none) hears every change
     * before the transaction commits, so what it records and what was written agree. With
     * --preserve-origin the changes are planned in one transaction and written in one per origin and
     * commit time (see {@link OriginGroups}), so a failure leaves the groups already committed; the
     * repair run again finds them in place.
     */
    public RepairOutcome apply(ClusterSessions sessions, DiffFileReader diffFile, String target, ChangeListener listener) throws Exception {
        return run(sessions, target, listener, c -> plan(c, sessions, diffFile, target), null);
    }

    /**
     * Repairs {@code target} as a repair plan decided (see {@link PlanDecisions}), in one
     * transaction; a dry run's statements are each preceded by the rule that decided them.
     */
    public RepairOutcome apply(ClusterSessions sessions, PlanDecisions decisions, String target, ChangeListener listener) throws Exception {
        return run(sessions, target, listener, c -> stage(c, decisions.changes(target)), decisions::note);
    }

    /** Plans a repair's changes into {@link RepairSql#CHANGES} in the target's transaction. */
    private interface Planner {
        void plan(Connection c) throws Exception;
    }

    private RepairOutcome run(ClusterSessions sessions, String target, ChangeListener listener, Planner planner,
                              LongFunction<String> notes) throws Exception {
        boolean byOrigin = options.preserveOrigin() && !options.dryRun();
        return RepairTransaction.run(sessions.pool(target), options, (c, guard) -> {
            planner.plan(c);
            if (byOrigin) {
                new OriginGroups(sql, sessions, options.sourceOfTruth(), target)
                        .write(c, () -> RepairTransaction.begin(c, options, guard), this::write, guard);
            } else if (!options.dryRun()) {
                write(c);
            }
            RepairOutcome outcome = RepairOutcome.counted(c, sql.counts(), target, 3);
            if (listener != null) {
                streamChanges(c, target, listener, notes);
            }
            return outcome;
        }, byOrigin ? this::dropTemporary : null);
    }

    private void dropTemporary(Connection c) {
        try (Statement st = c.createStatement()) {
            c.rollback();
            st.execute(sql.dropTemporary());
            c.commit();
        } catch (SQLException ignored) {
            // a session that cannot drop them is discarded by the caller, and they with it
        }
    }

    /**
     * Stages the diff file's rows for the target, reads the other nodes' rows for their keys now,
     * and plans the changes (with a dry run, each with its status).
     */
    private void plan(Connection c, ClusterSessions sessions, DiffFileReader diffFile, String target) throws Exception {
        StatementGroup.execute(c, List.of(sql.createStage()));
        List<String> otherNodes = new RepairStaging(shape, options).stage(c, diffFile, target, RepairSql.STAGE, sql.stageColumns());
        List<String> prepare = new ArrayList<>(sql.prepareStage());
        prepare.addAll(sql.createCurrent());
        StatementGroup.execute(c, prepare);
        new CurrentRows(shape, sql).read(c, otherNodes.stream().map(n -> sessions.pool(n)).toList());
        List<String> planning = new ArrayList<>(sql.prepareCurrent());
        planning.addAll(sql.planChanges(options, options.dryRun()));
        StatementGroup.execute(c, readOnlyWhenDry(planning));
    }

    /** With a dry run, {@code statements} then the transaction read only: nothing after them writes but to the temporary tables. */
    private List<String> readOnlyWhenDry(List<String> statements) {
        if (!options.dryRun()) {
            return statements;
        }
        List<String> all = new ArrayList<>(statements);
        all.add("SET TRANSACTION READ ONLY");
        return all;
    }

    /** A plan's changes, as decided, into the changes table. */
    private void stage(Connection c, List<PlanDecisions.Change> changes) throws Exception {
        StatementGroup.execute(c, List.of(sql.createPlannedChanges()));
        try (CopyRows copy = new CopyRows(c, RepairSql.CHANGES, sql.plannedChangeColumns())) {
            for (PlanDecisions.Change change : changes) {
                List<String> values = new ArrayList<>();
                values.add(Long.toString(change.ord()));
                values.add(change.kind().name().toLowerCase());
                values.add("false");
                values.addAll(change.key());
                int n = shape.columns().size();
                values.addAll(change.before() == null ? Collections.nCopies(n, null) : change.before());
                values.addAll(change.after() == null ? Collections.nCopies(n, null) : change.after());
                values.add(change.status());
                if (sql.routed()) {
                    values.add(change.relation());
                }
                copy.row(values);
            }
        }
        StatementGroup.execute(c, readOnlyWhenDry(List.of("ANALYZE " + RepairSql.CHANGES)));
    }

    /**
     * Deletions, then updates, then insertions, each one statement over the ready changes; then what
     * was not written is classified. The writes go to the node together, in one round trip.
     */
    void write(Connection c) throws SQLException {
        List<String> writes = new ArrayList<>();
        writes.add(sql.applyDeletes());
        String updates = sql.applyUpdates();
        if (updates != null) {
            writes.add(updates);
        }
        writes.addAll(sql.routed() ? routedInserts(c) : List.of(sql.applyInserts()));
        writes.add(sql.classifyUnwritten());
        StatementGroup.execute(c, writes);
    }

    /**
     * The insertions of each row into the relation that holds it on the other node, when the target
     * has a relation of that name in the table's inheritance tree; otherwise into the table itself.
     * Read before the deletions and updates run, which change no insertion.
     */
    private List<String> routedInserts(Connection c) throws SQLException {
        Set<String> own = new HashSet<>();
        List<String> relations = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(sql.ownRelations())) {
                while (rs.next()) {
                    own.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery(sql.insertRelations())) {
                while (rs.next()) {
                    relations.add(rs.getString(1));
                }
            }
        }
        // the relation's name as this node's own catalog prints it, never as another node sent it
        return relations.stream().map(relation -> sql.applyInserts(own.contains(relation) ? relation : shape.name().sql(), relation)).toList();
    }

    /** Streams every planned change with its status to the listener, in the diff file's order. */
    private void streamChanges(Connection c, String target, ChangeListener listener, LongFunction<String> notes)
            throws Exception {
        List<Column> columns = shape.columns();
        int n = columns.size();
        try (PreparedStatement ps = c.prepareStatement(sql.changes())) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RepairChange.Kind kind = RepairChange.Kind.of(rs.getString(1));
                    Map<String, Value> before = kind == RepairChange.Kind.INSERT ? null : row(rs, 4);
                    Map<String, Value> after = kind == RepairChange.Kind.DELETE ? null : row(rs, 4 + n);
                    Map<String, Value> keyed = after != null ? after : before;
                    List<String> key = shape.keyColumns().stream().map(k -> keyed.get(k.name()).sqlText()).toList();
                    Map<String, Value> held = rs.getBoolean(4 + 2 * n) ? row(rs, 5 + 2 * n) : null;
                    RepairChange change = new RepairChange(target, kind, key, before, after, filled(rs.getArray(3)), held);
                    RepairChange.Status status = switch (rs.getString(2)) {
                        case RepairSql.READY -> RepairChange.Status.APPLIED;
                        case RepairSql.STALE -> RepairChange.Status.STALE;
                        default -> RepairChange.Status.ALREADY;
                    };
                    String statement = options.dryRun() && status == RepairChange.Status.APPLIED ? sql.statement(change) : null;
                    if (statement != null && notes != null) {
                        // the key's decision, as a comment line before its statement
                        statement = "-- " + notes.apply(rs.getLong(5 + 3 * n)).replaceAll("[\\r\\n]", " ") + "\n" + statement;
                    }
                    listener.change(change, status, statement);
                }
            }
        }
    }

    /** The row starting at result column {@code first}, each value as a diff file records it. */
    private Map<String, Value> row(ResultSet rs, int first) throws SQLException {
        Map<String, Value> row = new LinkedHashMap<>();
        List<Column> columns = shape.columns();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i).name(), RowJson.value(columns.get(i), rs.getString(first + i)));
        }
        return row;
    }

    /** Fix-nulls: the names of the filled columns, from their positions. */
    private List<String> filled(Array positions) throws SQLException {
        if (positions == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Object p : (Object[]) positions.getArray()) {
            names.add(shape.columns().get(((Number) p).intValue() - 1).name());
        }
        return names;
    }

}
