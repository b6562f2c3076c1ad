package io.ace.repair;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.StatementGroup;
import io.ace.diff.ComparedTable;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repairs one node of a multiset (a table without a key, compared as a multiset of whole rows)
 * from a source of truth, in one transaction: for each distinct row the diff file lists in the
 * pair of the source and the node, the node is made to hold as many copies as the source held.
 * The node's copies of every listed row are found in one scan and locked, the source's counted in
 * one scan; a row whose copies on either node are not the ones the file recorded is left alone
 * as stale. Missing copies are inserted with the file's values; surplus copies are deleted by
 * their place among the locked ones, so exactly those go.
 */
public final class MultisetRepair {

    /** Rows read per round trip when changes are streamed back. */
    private static final int FETCH_SIZE = 5_000;

    private final TableShape shape;
    private final MultisetSql sql;
    private final RepairOptions options;

    /** @param table the table, without a key (every column compared) */
    public MultisetRepair(ComparedTable table, RepairOptions options) {
        this.shape = table.shape();
        this.sql = new MultisetSql(table);
        this.options = options;
    }

    /**
     * Repairs {@code target} from {@code diffFile} and the source of truth; {@code listener} (null
     * for none) hears every distinct row's change before the transaction commits.
     */
    public RepairOutcome apply(ClusterSessions sessions, DiffFileReader diffFile, String target, RepairApplier.ChangeListener listener)
            throws Exception {
        String source = options.sourceOfTruth();
        return RepairTransaction.run(sessions.pool(target), options, (c, guard) -> {
            stage(c, diffFile, target);
            try (Connection other = sessions.pool(source).open()) {
                NodeCopies.count(sql, c, other, 0);
            }
            List<String> planning = new ArrayList<>();
            planning.add(sql.createHeld());
            // a dry run writes nothing, so it locks nothing either
            planning.add(sql.findHeld(!options.dryRun()));
            planning.addAll(sql.planChanges(options.mode() == RepairMode.INSERT_ONLY));
            if (options.dryRun()) {
                // nothing below writes
                planning.add("SET TRANSACTION READ ONLY");
            }
            StatementGroup.execute(c, planning);
            RepairOutcome outcome = RepairOutcome.counted(c, sql.counts(), target, 4);
            if (!options.dryRun()) {
                write(c, outcome);
            }
            if (listener != null) {
                streamChanges(c, target, listener);
            }
            return outcome;
        }, null);
    }

    /** The file's listings of the pair of the source and the target, and each distinct row once with its recorded copies. */
    private void stage(Connection c, DiffFileReader diffFile, String target) throws Exception {
        StatementGroup.execute(c, List.of(sql.createListed(), sql.createCounts()));
        new RepairStaging(shape, options).stage(c, diffFile, target, MultisetSql.LISTED, sql.listedColumns());
        StatementGroup.execute(c, sql.distinctRows(true));
    }

    /**
     * Deletes the surplus copies, then inserts the missing ones; every copy planned is written (the
     * deleted ones are locked), or the transaction fails whole.
     */
    private void write(Connection c, RepairOutcome planned) throws SQLException {
        long deleted = 0;
        List<Long> relations = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.doomedRelations())) {
            while (rs.next()) {
                relations.add(rs.getLong(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql.deleteDoomed())) {
            for (long relation : relations) {
                ps.setLong(1, relation);
                ps.setLong(2, relation);
                deleted += ps.executeUpdate();
            }
        }
        long inserted;
        try (Statement st = c.createStatement()) {
            inserted = st.executeUpdate(sql.insertMissing());
        }
        if (deleted != planned.count(RepairChange.Kind.DELETE) || inserted != planned.count(RepairChange.Kind.INSERT)) {
            throw new IllegalStateException("the repair of " + shape.name() + " planned to delete " + planned.count(RepairChange.Kind.DELETE)
                    + " and insert " + planned.count(RepairChange.Kind.INSERT) + " copies but deleted " + deleted + " and inserted " + inserted
                    + "; nothing was written");
        }
    }

    /** Streams every distinct row's change with its status to the listener, in the diff file's order. */
    private void streamChanges(Connection c, String target, RepairApplier.ChangeListener listener) throws Exception {
        List<Column> columns = shape.columns();
        try (PreparedStatement ps = c.prepareStatement(sql.changes())) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RepairChange.Kind kind = RepairChange.Kind.of(rs.getString(1));
                    RepairChange.Status status = switch (rs.getString(2)) {
                        case RepairSql.READY -> RepairChange.Status.APPLIED;
                        case RepairSql.STALE -> RepairChange.Status.STALE;
                        default -> RepairChange.Status.ALREADY;
                    };
                    long recorded = rs.getLong(4);
                    long found = rs.getLong(5);
                    long wanted = rs.getLong(6);
                    long left = status == RepairChange.Status.APPLIED ? wanted : found;
                    List<String> texts = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        texts.add(rs.getString(9 + i));
                    }
                    Map<String, Value> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i).name(), RowJson.value(columns.get(i), texts.get(i)));
                    }
                    RepairChange change = new RepairChange(target, kind, List.of(Long.toString(rs.getLong(3))),
                            recorded > 0 ? row : null, wanted > 0 ? row : null, List.of(), left > 0 ? row : null,
                            new RepairChange.Copies(recorded, found, left, wanted, rs.getLong(7)));
                    String statement = options.dryRun() && status == RepairChange.Status.APPLIED
                            ? statement(kind, texts, wanted - found, rs.getArray(8)) : null;
                    listener.change(change, status, statement);
                }
            }
        }
    }

    /** With a dry run, the statements that would write one row's change: an insert, or a delete per relation holding its copies. */
    private String statement(RepairChange.Kind kind, List<String> values, long missing, Array doomed) throws SQLException {
        if (kind == RepairChange.Kind.INSERT) {
            return sql.insertStatement(values, missing);
        }
        Map<String, List<String>> byRelation = new LinkedHashMap<>();
        for (Object place : (Object[]) doomed.getArray()) {
            String text = (String) place;
            int space = text.lastIndexOf(' ');
            byRelation.computeIfAbsent(text.substring(0, space), r -> new ArrayList<>()).add(text.substring(space + 1));
        }
        List<String> statements = new ArrayList<>();
        byRelation.forEach((relation, places) -> statements.add(sql.deleteStatement(relation, places)));
        return String.join(";\n", statements);
    }

}
