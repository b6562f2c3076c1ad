package io.ace.repair;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.difffile.CopyRows;
import io.ace.difffile.DiffFileReader;
import io.ace.exit.AceException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the diff file's rows that concern one target into the staging table: the rows of every
 * pair with the target (with a source of truth, only the pair with the source), each with its
 * pair's position in the file, whether it is the target's own row, and its position in the file
 * (and in a multiset, a table without a key, its node's copies of it). A row whose columns are
 * not the table's is a usage error naming the file's pair and node.
 */
final class RepairStaging {

    private final TableShape shape;
    private final RepairOptions options;

    RepairStaging(TableShape shape, RepairOptions options) {
        this.shape = shape;
        this.options = options;
    }

    /** @return the other node of each staged pair, by the pair's position */
    List<String> stage(Connection c, DiffFileReader diffFile, String target, String table, List<String> columns) throws Exception {
        Map<String, Integer> pairs = new HashMap<>();
        List<String> otherNodes = new ArrayList<>();
        long[] position = {0};
        try (CopyRows copy = new CopyRows(c, table, columns)) {
            diffFile.rows(row -> {
                List<String> nodes = DiffFileReader.pairNodes(row.pair());
                if (!nodes.contains(target) || options.sourceOfTruth() != null && !nodes.contains(options.sourceOfTruth())) {
                    return;
                }
                int pair = pairs.computeIfAbsent(row.pair(), p -> {
                    otherNodes.add(nodes.get(0).equals(target) ? nodes.get(1) : nodes.get(0));
                    return pairs.size();
                });
                copy.row(staged(shape, row, pair, row.node().equals(target), position[0]++));
            });
        }
        return otherNodes;
    }

    /**
     * A file's row as the staging tables hold it, once checked against the table: its pair's
     * position, whether it is the target's own, its position in the file, in a multiset its
     * node's copies, then the columns' values.
     */
    static List<String> staged(TableShape shape, DiffFileReader.Row row, int pair, boolean mine, long position) {
        check(shape, row);
        List<String> values = new ArrayList<>(4 + shape.columns().size());
        values.add(Integer.toString(pair));
        values.add(Boolean.toString(mine));
        values.add(Long.toString(position));
        if (shape.keyColumns().isEmpty()) {
            values.add(Long.toString(row.copies()));
        }
        for (Column col : shape.columns()) {
            values.add(row.values().get(col.name()).sqlText());
        }
        return values;
    }

    /** A row whose columns are not the table's is a usage error naming the file's pair and node. */
    private static void check(TableShape shape, DiffFileReader.Row row) {
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
        row.key(shape.keyColumns());
    }
}
