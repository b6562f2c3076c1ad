package io.ace.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * With 3+ nodes: the one node whose row (or its absence; in a multiset, its number of copies)
     * disagrees with all the others, which agree; null otherwise.
     */
    public static String oddNode(Set<String> nodes, Map<String, NodeRow> rows) {
        if (nodes.size() < 3) {
            return null;
        }
        // a row is its hash and, in a multiset, how many copies of it the node holds
        Map<List<Long>, List<String>> byHash = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String n : nodes) {
            NodeRow r = rows.get(n);
            if (r == null) {
                missing.add(n);
            } else {
                byHash.computeIfAbsent(List.of(r.hash(), r.copies()), h -> new ArrayList<>()).add(n);
            }
        }
        List<List<String>> groups = new ArrayList<>(byHash.values());
        if (!missing.isEmpty()) {
            groups.add(missing);
        }
        if (groups.size() != 2) {
            return null;
        }
        List<String> a = groups.get(0);
        List<String> b = groups.get(1);
        if (a.size() == 1 && b.size() == nodes.size() - 1) {
            return a.get(0);
        }
        if (b.size() == 1 && a.size() == nodes.size() - 1) {
            return b.get(0);
        }
        return null;
    }
}
