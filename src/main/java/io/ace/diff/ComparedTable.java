package io.ace.diff;

import io.ace.catalog.TableShape;
import io.ace.exit.AceException;
import java.util.List;

/**
 * What a comparison reads: the table, the rows the filter keeps, what makes rows equal, and
 * the columns compared when only some are (a replication set's column list).
 *
 * @param columnList the columns compared, in table order, when not all are; null for all
 */
public record ComparedTable(TableShape shape, String filter, Equality equality, List<String> columnList) {

    public ComparedTable(TableShape shape, String filter, Equality equality) {
        this(shape, filter, equality, null);
    }

    /**
     * The same table compared on some of its columns only: the key columns must be among them
     * (rows are matched by key), or it is a configuration error naming the table and {@code whose} list.
     */
    public ComparedTable onColumns(List<String> columns, String whose) {
        if (!columns.containsAll(shape.keyNames())) {
            throw AceException.config("the column list of " + shape.name() + " in " + whose + " (" + String.join(", ", columns)
                    + ") leaves out primary key column(s) of (" + String.join(", ", shape.keyNames())
                    + "): rows cannot be matched; add the key columns to the column list");
        }
        TableShape narrowed = shape.withColumns(columns);
        return new ComparedTable(narrowed, filter, equality, narrowed.columnNames());
    }

    TableQueries queries() {
        return new TableQueries(shape, filter, equality);
    }
}
