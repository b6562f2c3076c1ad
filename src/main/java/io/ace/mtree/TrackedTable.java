package io.ace.mtree;

import io.ace.catalog.TableName;
import io.ace.catalog.TableShape;
import io.ace.diff.ColumnChoice;
import io.ace.diff.ComparedTable;
import io.ace.diff.Equality;
import java.util.List;

/**
 * A table whose Merkle tree a node keeps.
 *
 * @param id            its id in this node's metadata (ids differ between nodes)
 * @param keyColumns    the primary key's columns, in key order
 * @param leafSize      rows a leaf holds at most before it is split
 * @param equality      the rules of "equal" its row hashes follow
 * @param ready         false while a build has not completed
 * @param layoutVersion the leaf layout it has; every node of a tree has the same once updated
 * @param layoutDigest  a digest of its leaf bounds (empty before any)
 * @param columns       the columns its row hashes read ({@code --columns}, {@code --exclude-columns}; all by default)
 */
record TrackedTable(int id, TableName name, List<String> keyColumns, int leafSize, Equality equality, boolean ready, int layoutVersion,
                    String layoutDigest, ColumnChoice columns) {

    TrackedTable {
        keyColumns = List.copyOf(keyColumns);
    }

    /** The table as its tree compares it: by its rules of "equal", on its columns. */
    ComparedTable compared(TableShape shape) {
        return columns.apply(new ComparedTable(shape, null, equality));
    }
}
