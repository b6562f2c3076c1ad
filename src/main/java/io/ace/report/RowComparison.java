package io.ace.report;

import io.ace.difffile.DiffFileReader.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two versions of one row side by side, column by column: two nodes' rows in the diff report,
 * the row before and after in the repair report. A cell is marked changed when the other side
 * holds the row with another value (kind and exact text) in that column.
 *
 * @param a the first side's cells in column order, or null when that side has no row
 * @param b the second side's cells, or null
 */
public record RowComparison(List<Cell> a, List<Cell> b) {

    /** One column of one side. */
    public record Cell(String column, ShownValue value, boolean changed) {
    }

    public static RowComparison of(List<String> columns, Map<String, Value> a, Map<String, Value> b) {
        return new RowComparison(cells(columns, a, b), cells(columns, b, a));
    }

    public boolean onlyA() {
        return b == null;
    }

    public boolean onlyB() {
        return a == null;
    }

    /** Columns whose values differ; empty when one side has no row. */
    public List<String> changedColumns() {
        return a == null || b == null ? List.of() : a.stream().filter(Cell::changed).map(Cell::column).toList();
    }

    private static List<Cell> cells(List<String> columns, Map<String, Value> row, Map<String, Value> other) {
        if (row == null) {
            return null;
        }
        List<Cell> cells = new ArrayList<>(columns.size());
        for (String c : columns) {
            Value v = row.get(c);
            boolean changed = other != null && !same(v, other.get(c));
            cells.add(new Cell(c, ShownValue.of(v, changed ? other.get(c) : null), changed));
        }
        return cells;
    }

    private static boolean same(Value x, Value y) {
        return x == null ? y == null : x.equals(y);
    }
}
