package io.ace.diff;

import java.util.List;
import java.util.Map;

/**
 * A primary key whose row is not the same on every node; in a table compared as a multiset, a
 * row held in a different number of copies.
 *
 * @param key     the key's column values as text (a multiset's row: its row hash)
 * @param rows    the row on each node that has it (a node missing from the map lacks the row)
 * @param oddNode with 3+ nodes, the single node that disagrees while all others agree; else null
 */
public record KeyDifference(List<String> key, Map<String, NodeRow> rows, String oddNode) {

    /** True when the key no longer differs: the same row (as many copies of it) on all {@code nodes}, or no row anywhere. */
    public boolean resolved(int nodes) {
        return rows.isEmpty() || rows.size() == nodes && rows.values().stream().map(r -> List.of(r.hash(), r.copies())).distinct().count() == 1;
    }
}
