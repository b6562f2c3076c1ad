package io.ace.diff;

import io.ace.catalog.TableShape;
import io.ace.exit.AceException;
import java.util.List;

/**
 * What a comparison reads: the table, the rows the filter keeps, what makes rows equal, and
 * the columns compared when only some are (a replication set's column list).
 *
 * @param columnList the columns compared, in table order, when not all are; null for all
 * @param origins    what rows' commit origins mean on each node, when the comparison reads them
 *                   (scoped to one node's writes); null when it does not
 * @param window     the rows an incremental run reads (a key found there is compared whole, wherever its rows lie); null for all
 */
public record ComparedTable(TableShape shape, String filter, Equality equality, List<String> columnList, OriginNames origins,
                            Incremental.Window window) {

    public ComparedTable(TableShape shape, String filter, Equality equality) {
        this(shape, filter, equality, null, null, null);
    }

    /**
     * Whether the table has no key to match rows by: it is then compared as a multiset of whole rows
     * (how many copies of each row each node holds).
     */
    public boolean multiset() {
        return shape.keyColumns().isEmpty();
    }

    /**
     * A row's hash as comparisons compute it (the equality rules, every compared column), as SQL over
     * the table aliased {@code t}: a multiset's rows are identified by it.
     */
    public String rowHashSql() {
        return queries().rowHash();
    }

    /** The same table, its differing rows read with where their last change came from. */
    public ComparedTable withOrigins(OriginNames names) {
        return new ComparedTable(shape, filter, equality, columnList, names, window);
    }

    /** The same table, scanned only in an incremental run's window. */
    public ComparedTable within(Incremental.Window scanned) {
        return new ComparedTable(shape, filter, equality, columnList, origins, scanned);
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
        return new ComparedTable(narrowed, filter, equality, narrowed.columnNames(), origins, window);
    }

    TableQueries queries() {
        return new TableQueries(shape, filter, equality, origins != null, window == null ? null : window.condition());
    }
}
