package io.ace.diff;

import java.util.List;

/**
 * One row as a node returned it: every column as PostgreSQL text (null for NULL), plus its row hash.
 *
 * @param origin   where its last change came from, when the comparison reads origins (null otherwise)
 * @param relation the partition or inheritance child that holds it, as the node prints it; null when the table itself does
 */
public record NodeRow(List<String> values, long hash, RowOrigin origin, String relation) {

    public NodeRow(List<String> values, long hash) {
        this(values, hash, null, null);
    }
}
