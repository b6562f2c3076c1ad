package io.ace.diff;

import java.util.List;

/**
 * A half-open range of primary keys {@code [lower, upper)}; each bound is the key's column
 * values as PostgreSQL text, or null for an open end.
 */
public record KeyRange(List<String> lower, List<String> upper) {

    public KeyRange {
        lower = lower == null ? null : List.copyOf(lower);
        upper = upper == null ? null : List.copyOf(upper);
    }
}
