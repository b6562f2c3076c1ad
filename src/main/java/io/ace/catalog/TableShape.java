package io.ace.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table's columns in table order, and the columns that identify its rows in key order with the
 * index they come from ({@link KeyIndex}; null, and no key columns, when it has none).
 */
public record TableShape(TableName name, List<Column> columns, List<Column> keyColumns, KeyIndex keyIndex) {

    public TableShape {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
    }

    /** The same table seen through a column list: only the named columns, in table order. */
    public TableShape withColumns(java.util.Collection<String> names) {
        return new TableShape(name, columns.stream().filter(c -> names.contains(c.name())).toList(), keyColumns, keyIndex);
    }

    /** Its columns that {@code compared}, the same table seen through a column list, leaves out. */
    public List<Column> columnsLeftOutBy(TableShape compared) {
        return columns.stream().filter(c -> !compared.columns().contains(c)).toList();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public List<String> keyNames() {
        return keyColumns.stream().map(Column::name).toList();
    }

    /** {@code "a", "b"} for the key columns, optionally qualified by an alias. */
    public String keyList(String alias) {
        String prefix = alias == null ? "" : alias + ".";
        return keyColumns.stream().map(c -> prefix + c.quoted()).collect(Collectors.joining(", "));
    }

    /** The key as a row constructor when composite, plain when single: usable on both sides of comparisons. */
    public String keyTuple(String alias) {
        String list = keyList(alias);
        return keyColumns.size() == 1 ? list : "(" + list + ")";
    }
}
