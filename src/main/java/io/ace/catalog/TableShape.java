package io.ace.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A table's columns in table order and its primary key columns in key order. */
public record TableShape(TableName name, List<Column> columns, List<Column> primaryKey) {

    public TableShape {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** The same table seen through a column list: only the named columns, in table order. */
    public TableShape withColumns(java.util.Collection<String> names) {
        return new TableShape(name, columns.stream().filter(c -> names.contains(c.name())).toList(), primaryKey);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public List<String> keyNames() {
        return primaryKey.stream().map(Column::name).toList();
    }

    /** {@code "a", "b"} for the key columns, optionally qualified by an alias. */
    public String keyList(String alias) {
        String prefix = alias == null ? "" : alias + ".";
        return primaryKey.stream().map(c -> prefix + c.quoted()).collect(Collectors.joining(", "));
    }

    /** The key as a row constructor when composite, plain when single: usable on both sides of comparisons. */
    public String keyTuple(String alias) {
        String list = keyList(alias);
        return primaryKey.size() == 1 ? list : "(" + list + ")";
    }
}
