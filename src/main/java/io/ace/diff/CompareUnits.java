package io.ace.diff;

import java.util.List;

/**
 * Sizes the units in which the full rows of differing keys are fetched: at most
 * {@code --compare-unit-size} keys, and fewer when rows are wide, so that one unit's rows (all
 * nodes together) stay near {@link #UNIT_BYTES} whatever the table. Ten thousand rows of 2 kB on
 * two nodes held 40 MB of text, several times that once encoded and stored, and a 256 MB heap ran
 * out; the width is learned from each unit fetched.
 */
final class CompareUnits {

    /** Row text one unit may hold, all nodes together. */
    static final long UNIT_BYTES = 8L << 20;
    /** Keys of the first unit, before any width is known. */
    private static final int FIRST = 500;

    private final int max;
    private int next;

    CompareUnits(int max) {
        this.max = max;
        this.next = Math.min(max, FIRST);
    }

    /** Keys of the next unit. */
    int next() {
        return next;
    }

    /** Learns the row width from a unit just fetched. */
    void fetched(List<KeyDifference> unit) {
        if (unit.isEmpty()) {
            return;
        }
        long bytes = 0;
        for (KeyDifference d : unit) {
            for (NodeRow row : d.rows().values()) {
                for (String value : row.values()) {
                    bytes += value == null ? 0 : value.length();
                }
            }
        }
        long perKey = Math.max(1, bytes / unit.size());
        next = (int) Math.max(1, Math.min(max, UNIT_BYTES / perKey));
    }
}
