package io.ace.diff;

import java.util.List;

/**
 * One row as a node returned it: every column as PostgreSQL text (null for NULL), plus its row hash.
 *
 * @param origin where its last change came from, when the comparison reads origins (null otherwise)
 */
public record NodeRow(List<String> values, long hash, RowOrigin origin) {

    public NodeRow(List<String> values, long hash) {
        this(values, hash, null);
    }
}
