package io.ace.repair;

import io.ace.exit.AceException;
import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.difffile.DiffFileReader;
import io.ace.difffile.DiffFileReader.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a diff file into the changes for one target node. For every pair with the source of
 * truth, rows only on the source are inserted on the target, rows on both are updated, rows only
 * on the target deleted (unless upsert-only / insert-only); bidirectional and fix-nulls work on
 * every pair that includes the target.
 */
public final class RepairPlanner {

    private final TableShape shape;
    private final RepairOptions options;

    public RepairPlanner(TableShape shape, RepairOptions options) {
        this.shape = shape;
        this.options = options;
    }

    /** The changes for {@code target}, in the diff file's order, one per key. */
    public List<RepairChange> changes(DiffFileReader file, String target) {
        // pair -> node -> key -> row, for the pairs this target takes part in
        Map<String, Map<String, Map<List<String>, Map<String, Value>>>> pairs = new LinkedHashMap<>();
        file.rows(row -> {
            List<String> nodes = DiffFileReader.pairNodes(row.pair());
            if (!nodes.contains(target) || (options.sourceOfTruth() != null && !nodes.contains(options.sourceOfTruth()))) {
                return;
            }
            checkColumns(row);
            pairs.computeIfAbsent(row.pair(), k -> new LinkedHashMap<>()).computeIfAbsent(row.node(), k -> new LinkedHashMap<>())
                    .put(key(row.values()), row.values());
        });
        Map<List<String>, RepairChange> changes = new LinkedHashMap<>();
        pairs.forEach((pair, byNode) -> {
            List<String> nodes = DiffFileReader.pairNodes(pair);
            String other = nodes.get(0).equals(target) ? nodes.get(1) : nodes.get(0);
            Map<List<String>, Map<String, Value>> mine = byNode.getOrDefault(target, Map.of());
            Map<List<String>, Map<String, Value>> theirs = byNode.getOrDefault(other, Map.of());
            if (options.fixNulls()) {
                fixNulls(target, mine, theirs, changes);
            } else if (options.bidirectional()) {
                theirs.forEach((k, row) -> {
                    if (!mine.containsKey(k)) {
                        changes.putIfAbsent(k, new RepairChange(target, RepairChange.Kind.INSERT, k, null, row, List.of()));
                    }
                });
            } else {
                fromSource(target, mine, theirs, changes);
            }
        });
        return new ArrayList<>(changes.values());
    }

    private void fromSource(String target, Map<List<String>, Map<String, Value>> mine,
                            Map<List<String>, Map<String, Value>> source, Map<List<String>, RepairChange> changes) {
        source.forEach((k, row) -> {
            if (!mine.containsKey(k)) {
                changes.put(k, new RepairChange(target, RepairChange.Kind.INSERT, k, null, row, List.of()));
            } else if (!options.insertOnly()) {
                changes.put(k, new RepairChange(target, RepairChange.Kind.UPDATE, k, mine.get(k), row, List.of()));
            }
        });
        if (!options.insertOnly() && !options.upsertOnly()) {
            mine.forEach((k, row) -> {
                if (!source.containsKey(k)) {
                    changes.put(k, new RepairChange(target, RepairChange.Kind.DELETE, k, row, null, List.of()));
                }
            });
        }
    }

    private void fixNulls(String target, Map<List<String>, Map<String, Value>> mine,
                          Map<List<String>, Map<String, Value>> theirs, Map<List<String>, RepairChange> changes) {
        mine.forEach((k, row) -> {
            Map<String, Value> other = theirs.get(k);
            if (other == null || changes.containsKey(k)) {
                return;
            }
            Map<String, Value> after = new LinkedHashMap<>(row);
            List<String> filled = new ArrayList<>();
            for (Column c : shape.columns()) {
                Value v = row.get(c.name());
                Value o = other.get(c.name());
                if (v != null && v.kind() == Value.Kind.NULL && o != null && o.kind() != Value.Kind.NULL) {
                    after.put(c.name(), o);
                    filled.add(c.name());
                }
            }
            if (!filled.isEmpty()) {
                changes.put(k, new RepairChange(target, RepairChange.Kind.UPDATE, k, row, after, filled));
            }
        });
    }

    private List<String> key(Map<String, Value> row) {
        List<String> key = new ArrayList<>(shape.primaryKey().size());
        for (Column c : shape.primaryKey()) {
            Value v = row.get(c.name());
            if (v == null || v.kind() == Value.Kind.NULL) {
                throw AceException.usage("a row in the diff file has no value for primary key column " + c.name());
            }
            key.add(v.text());
        }
        return key;
    }

    private void checkColumns(DiffFileReader.Row row) {
        for (String column : row.values().keySet()) {
            if (shape.columns().stream().noneMatch(c -> c.name().equals(column))) {
                throw AceException.usage("the diff file has column '" + column + "' (pair " + row.pair() + ", node " + row.node()
                        + "), which table " + shape.name() + " does not have: is it a diff file of another table?");
            }
        }
        if (row.values().size() != shape.columns().size()) {
            throw AceException.usage("a row of node " + row.node() + " in pair " + row.pair() + " has " + row.values().size()
                    + " columns, table " + shape.name() + " has " + shape.columns().size() + ": the diff file is not of this table's definition");
        }
    }
}
