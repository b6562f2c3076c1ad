package io.ace.operation;

import io.ace.catalog.Column;
import io.ace.catalog.TableName;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.TablePreflight;
import io.ace.difffile.DiffFileReader;
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

    public static DiffFileTable of(ClusterSessions sessions, TableName table, Path diffFile) {
        ComparedTable all = new TablePreflight().check(sessions, table, DiffOptions.defaults());
        DiffFileReader reader = new DiffFileReader(diffFile);
        List<String> columns = reader.columns();
        if (columns == null) {
            return new DiffFileTable(all, null);
        }
        return new DiffFileTable(all.onColumns(columns, "diff file " + diffFile), reader.columnChoice() == null ? null : all.shape());
    }

    /** The table's columns the file did not compare by choice, which a repair leaves as they are; null when it compared them all. */
    public List<String> notCompared() {
        return whole == null ? null : whole.columnsLeftOutBy(compared.shape()).stream().map(Column::name).toList();
    }
}
