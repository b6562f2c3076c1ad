package io.ace.operation;

import io.ace.catalog.TableName;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.TablePreflight;
import io.ace.difffile.DiffFileReader;
import java.nio.file.Path;
import java.util.List;

/**
 * A table as a diff file compared it, checked on every node: the whole table, or only the columns
 * of the column list it was compared on (a replication set's), which the operations on the file
 * (repair, re-check) then touch alone.
 */
public final class DiffFileTable {

    private DiffFileTable() {
    }

    public static ComparedTable of(ClusterSessions sessions, TableName table, Path diffFile) {
        ComparedTable compared = new TablePreflight().check(sessions, table, DiffOptions.defaults());
        List<String> columns = new DiffFileReader(diffFile).columns();
        return columns == null ? compared : compared.onColumns(columns, "diff file " + diffFile);
    }
}
