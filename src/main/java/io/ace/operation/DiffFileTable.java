package io.ace.operation;

import io.ace.catalog.Column;
import io.ace.catalog.TableName;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.TablePreflight;
import io.ace.difffile.DiffFileReader;
import io.ace.exit.AceException;
import java.nio.file.Path;
import java.util.List;

/**
 * A table as a diff file compared it, checked on every node: the whole table, or only the columns
 * it was compared on (a replication set's column list, or --columns / --exclude-columns), which
 * the operations on the file (repair, re-check) then compare and update alone.
 *
 * @param compared the table on the columns the file compared
 * @param whole    the table with every column when the file compared only some by choice (a row
 *                 missing on a node is inserted whole), null otherwise: a column list's rows
 *                 hold the columns the set replicates, and only those are inserted
 */
public record DiffFileTable(ComparedTable compared, TableShape whole) {

    /**
     * The table as {@code diffFile} compared it: by key, or as a multiset of whole rows when it has
     * no key. A file that compared the table the other way than the table can be compared now
     * (a key added or dropped since), or a multiset file of some columns only, is a usage error.
     */
    public static DiffFileTable of(ClusterSessions sessions, TableName table, Path diffFile) {
        ComparedTable all = TablePreflight.allowingMultisets().check(sessions, table, DiffOptions.defaults());
        DiffFileReader reader = new DiffFileReader(diffFile);
        List<String> columns = reader.columns();
        if (reader.multiset() && !all.multiset()) {
            throw AceException.usage("diff file " + diffFile + " compared " + table + " as a multiset of whole rows (it had no usable key),"
                    + " and the table is now matched by its " + all.shape().keyIndex().describe() + " (" + String.join(", ", all.shape().keyNames())
                    + "): run table-diff again, which matches its rows by that key");
        }
        if (!reader.multiset() && all.multiset()) {
            throw AceException.usage("diff file " + diffFile + " matched the rows of " + table + " by a key, and the table has no usable key"
                    + " now (no primary key, nor a unique index that could be one): run table-diff again, which compares a table without"
                    + " a key as a multiset of whole rows");
        }
        if (all.multiset() && columns != null && !columns.equals(all.shape().columnNames())) {
            throw AceException.usage("diff file " + diffFile + " compared " + table + " as a multiset on some of its columns ("
                    + String.join(", ", columns) + "); a multiset's rows are identified by every column, so its copies cannot be repaired"
                    + " or counted from some: run table-diff again on every column");
        }
        if (columns == null || all.multiset()) {
            return new DiffFileTable(all, null);
        }
        return new DiffFileTable(all.onColumns(columns, "diff file " + diffFile), reader.columnChoice() == null ? null : all.shape());
    }

    /** The table's columns the file did not compare by choice, which a repair leaves as they are; null when it compared them all. */
    public List<String> notCompared() {
        return whole == null ? null : whole.columnsLeftOutBy(compared.shape()).stream().map(Column::name).toList();
    }
}
