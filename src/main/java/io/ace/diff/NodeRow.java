package io.ace.diff;

import java.util.List;

/**
 * One row as a node returned it: every column as PostgreSQL text (null for NULL), plus its row hash.
 *
 * @param origin   where its last change came from, when the comparison reads origins (null otherwise)
 * @param relation the partition or inheritance child that holds it, as the node prints it; null when the table itself does
 * @param copies   how many identical copies of it the node holds: always 1 where a key matches rows, any number in a multiset
 */
public record NodeRow(List<String> values, long hash, RowOrigin origin, String relation, long copies) {

    public NodeRow(List<String> values, long hash) {
        this(values, hash, null, null, 1);
    }

    public NodeRow(List<String> values, long hash, RowOrigin origin, String relation) {
        this(values, hash, origin, relation, 1);
    }
}
