package io.ace.difffile;

import java.util.Collection;

/**
 * How much row text an HTML report may hold in memory to list, whatever {@code --max-html-rows}
 * asks: rows are kept for the listing only while their text fits, so a report of any size is
 * written in a small, fixed heap (the diff file and the JSON reports keep every row, on disk).
 */
public final class ListingBudget {

    /** Characters of listed row text; with the objects a listed row becomes, about 40 MB of heap at most. */
    public static final long DEFAULT_CHARS = 4L << 20;
    /** What a value costs beyond its characters (its object, a NULL, a cell of the page). */
    private static final int PER_VALUE = 16;

    private final long limit;
    private long used;
    private boolean reached;

    public ListingBudget(long limit) {
        this.limit = limit;
    }

    /** Takes a row's share of the budget; false (and the budget is reached) when it does not fit. */
    public boolean take(long chars) {
        if (reached || used + chars > limit) {
            reached = true;
            return false;
        }
        used += chars;
        return true;
    }

    /** Whether a row was left out of a listing because it did not fit. */
    public boolean reached() {
        return reached;
    }

    /** What listing these values costs. */
    public static long charsOf(Collection<String> values) {
        long chars = 0;
        for (String v : values) {
            chars += PER_VALUE + (v == null ? 0 : v.length());
        }
        return chars;
    }
}
