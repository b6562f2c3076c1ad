package io.ace.repair;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.Equality;
import io.ace.diff.KeyDifference;
import io.ace.diff.KeyRecheck;
import io.ace.diff.NodeRow;
import io.ace.diff.OriginNames;
import io.ace.diff.RowOrigin;
import io.ace.difffile.DiffFileReader;
import io.ace.difffile.RowJson;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.repair.plan.Decision;
import io.ace.repair.plan.KeyRows;
import io.ace.repair.plan.Outcome;
import io.ace.repair.plan.RepairPlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a repair plan decides for every key of a diff file, and the changes that makes on each
 * node. Decisions are made on the rows the diff file recorded, which its plan was written for, and
 * read against the rows the nodes hold when the repair runs: a key where some node's row is
 * neither the recorded one nor the one decided for it is stale, and left alone on every node. The file's values are read through each column's type
 * first, so a value and its spelling in the file (RFC 3339 timestamps, ...) compare equal. The
 * file's keys are held in memory: plans are for the rows someone decided about, not bulk repairs.
 */
public final class PlanDecisions {

    /** Keys read per statement. */
    private static final int BATCH = 5_000;

    /**
     * One change on one node, before the status its write gives it.
     *
     * @param before   the node's row now (null: it has none)
     * @param after    the row the plan wants there (null: none)
     * @param relation for an insert, the partition or inheritance child that holds that very row on
     *                 a node now, as the node prints it, else the table itself; null for other kinds
     */
    record Change(long ord, RepairChange.Kind kind, String status, List<String> key, List<String> before, List<String> after,
                  String relation) {
    }

    private final Map<String, List<Change>> byNode = new LinkedHashMap<>();
    private final Map<Long, String> notes = new HashMap<>();
    private final List<String> lines = new ArrayList<>();

    private PlanDecisions() {
    }

    /** The decisions for every key of {@code file} on the nodes of {@code sessions}, from their rows now. */
    public static PlanDecisions make(ClusterSessions sessions, TableShape shape, DiffFileReader file, RepairPlan plan) throws Exception {
        PlanDecisions d = new PlanDecisions();
        sessions.nodeNames().forEach(n -> d.byNode.put(n, new ArrayList<>()));
        Map<String, Recorded> recorded = d.recorded(sessions, shape, file);
        // latest-commit actions and origin selectors need commit times; without them on every node they see none
        OriginNames origins = OriginNames.readIfKept(sessions);
        ComparedTable table = new ComparedTable(shape, null, Equality.EXACT);
        List<Recorded> keys = new ArrayList<>(recorded.values());
        try (KeyRecheck now = new KeyRecheck(sessions, origins == null ? table : table.withOrigins(origins))) {
            long ord = 0;
            for (int from = 0; from < keys.size(); from += BATCH) {
                List<Recorded> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
                List<KeyDifference> rows = now.rowsOf(batch.stream().map(Recorded::key).toList());
                for (int i = 0; i < batch.size(); i++) {
                    d.decide(ord++, shape, batch.get(i), rows.get(i), plan);
                }
            }
        }
        return d;
    }

    /** The changes on {@code node}, in the diff file's key order. */
    List<Change> changes(String node) {
        return byNode.getOrDefault(node, List.of());
    }

    /** Which rule decided a change's key, and what it does, for a dry-run listing. */
    String note(long ord) {
        return notes.get(ord);
    }

    /** One line per key: the rule that matched, the action, and whether it is left alone (stale, or the action could not apply). */
    public List<String> lines() {
        return lines;
    }

    /** The file's rows of one key: per node its row (column values, PostgreSQL text), or null when the file shows the node lacks it. */
    private record Recorded(List<String> key, Map<String, List<String>> rows) {
    }

    /**
     * Decides one key from the rows the diff file recorded (the rows its plan was written for; a
     * node the file says nothing of, from its row now), so every launch of the run decides alike.
     * A node's row now that is neither the recorded one nor the one decided for it makes the key
     * stale; one that is already the decided row (a node repaired by an earlier launch) does not.
     * Commit times and origins come from rows that are still as recorded.
     */
    private void decide(long ord, TableShape shape, Recorded recorded, KeyDifference current, RepairPlan plan) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Map<String, String> commitTimes = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        current.rows().forEach((node, row) -> {
            boolean asRecorded = !recorded.rows().containsKey(node) || row.values().equals(recorded.rows().get(node));
            RowOrigin origin = row.origin();
            if (asRecorded && origin != null) {
                origins.put(node, origin.node());
                if (origin.commitTs() != null) {
                    commitTimes.put(node, RowJson.rfc3339(origin.commitTs()));
                }
            }
            if (!recorded.rows().containsKey(node)) {
                rows.put(node, named(shape, row.values()));
            }
        });
        recorded.rows().forEach((node, row) -> {
            if (row != null) {
                rows.put(node, named(shape, row));
            }
        });
        Decision decision = plan.decide(new KeyRows(recorded.key(), rows, commitTimes, origins));
        List<String> stale = new ArrayList<>();
        recorded.rows().forEach((node, row) -> {
            NodeRow now = current.rows().get(node);
            List<String> held = now == null ? null : now.values();
            if (!Objects.equals(row, held) && !Objects.equals(decided(shape, decision.perNode().get(node), row), held)) {
                stale.add(node);
            }
        });
        String why = decision.problem() != null ? " — left alone: " + decision.problem()
                : !stale.isEmpty() ? " — left alone as stale: the row on " + String.join(", ", stale) + " changed since the diff" : "";
        String note = "key (" + String.join(", ", recorded.key()) + "): " + decision.rule() + " -> " + decision.action() + why;
        lines.add(note.replaceAll("[\\r\\n]", " "));
        notes.put(ord, decision.rule() + " -> " + decision.action());
        decision.perNode().forEach((node, outcome) -> {
            NodeRow now = current.rows().get(node);
            List<String> before = now == null ? null : now.values();
            List<String> after = decided(shape, outcome, null);
            RepairChange.Kind kind;
            if (outcome instanceof Outcome.Untouched || before == null && after == null) {
                return;
            } else if (after == null) {
                kind = RepairChange.Kind.DELETE;
            } else if (before == null) {
                kind = RepairChange.Kind.INSERT;
            } else {
                kind = RepairChange.Kind.UPDATE;
            }
            String status = !stale.isEmpty() ? RepairSql.STALE : Objects.equals(before, after) ? RepairSql.ALREADY : RepairSql.READY;
            // an inserted row goes where a node holding it keeps it (an insert into an inheritance parent stays in the parent)
            String relation = kind != RepairChange.Kind.INSERT ? null : current.rows().values().stream()
                    .filter(r -> r.values().equals(after)).map(NodeRow::relation).filter(Objects::nonNull).findFirst()
                    .orElse(shape.name().sql());
            byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(new Change(ord, kind, status, recorded.key(), before, after, relation));
        });
    }

    /** The row a node ends with by {@code outcome} (null: none), from its recorded row {@code row}. */
    private static List<String> decided(TableShape shape, Outcome outcome, List<String> row) {
        if (outcome instanceof Outcome.Present p) {
            return shape.columns().stream().map(c -> p.row().get(c.name())).toList();
        }
        return outcome instanceof Outcome.Absent ? null : row;
    }

    private static Map<String, String> named(TableShape shape, List<String> values) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < shape.columns().size(); i++) {
            row.put(shape.columns().get(i).name(), values.get(i));
        }
        return row;
    }

    /**
     * The diff file's rows by key, every value read through its column's type on a node (so it
     * is spelled as the nodes print it), with each node's row or its recorded absence.
     */
    private Map<String, Recorded> recorded(ClusterSessions sessions, TableShape shape, DiffFileReader file) throws Exception {
        List<DiffFileReader.Row> all = new ArrayList<>();
        file.rows(all::add);
        List<Column> columns = shape.columns();
        List<List<String>> texts = new ArrayList<>();
        try (Connection c = sessions.pools().get(0).open()) {
            for (Column col : columns) {
                texts.add(normalized(c, col, all.stream().map(r -> {
                    DiffFileReader.Value v = r.values().get(col.name());
                    if (v == null) {
                        throw AceException.usage("a row of node " + r.node() + " in pair " + r.pair() + " of the diff file has no column "
                                + col.name() + ": the diff file is not of this table's definition");
                    }
                    return v.sqlText();
                }).toList()));
            }
        }
        Map<String, Recorded> byKey = new LinkedHashMap<>();
        Map<String, List<String>> pairNodes = new HashMap<>();
        for (int r = 0; r < all.size(); r++) {
            List<String> row = new ArrayList<>(columns.size());
            for (List<String> column : texts) {
                row.add(column.get(r));
            }
            List<String> key = shape.keyColumns().stream().map(k -> row.get(columns.indexOf(k))).toList();
            DiffFileReader.Row source = all.get(r);
            Recorded entry = byKey.computeIfAbsent(String.join("\u0000", key), k -> new Recorded(key, new LinkedHashMap<>()));
            entry.rows().put(source.node(), row);
            pairNodes.computeIfAbsent(source.pair(), DiffFileReader::pairNodes);
            // the other node of the pair lacks the row unless the pair lists its own
            for (String other : pairNodes.get(source.pair())) {
                entry.rows().putIfAbsent(other, null);
            }
        }
        return byKey;
    }

    /** Each text as the column's type reads and prints it on this node; a value the type rejects is a usage error. */
    private static List<String> normalized(Connection c, Column col, List<String> values) throws SQLException {
        List<String> out = new ArrayList<>(values.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT CAST(u.x AS " + col.type() + ")::text FROM unnest(CAST(? AS text[]))"
                + " WITH ORDINALITY AS u(x, o) ORDER BY u.o")) {
            ps.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AceException(ExitCode.USAGE, "a value of column " + col.name() + " in the diff file is not a " + col.type(), e.getMessage(), e);
        }
        return out;
    }
}
