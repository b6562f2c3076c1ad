package io.ace.diff;

import java.util.List;

/** One row as a node returned it: every column as PostgreSQL text (null for NULL), plus its row hash. */
public record NodeRow(List<String> values, long hash) {
}
