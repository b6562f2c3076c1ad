package io.ace.report;

/**
 * Shares a report's row cap fairly among groups (node pairs): each gets an equal part, and what
 * a small group does not use goes to the larger ones, so a pair with few differences is listed
 * whole and the first pair cannot crowd out the others.
 */
final class RowShare {

    private RowShare() {
    }

    /** How many of each group's {@code available} rows to list, {@code cap} at most in all. */
    static int[] of(long[] available, int cap) {
        int[] given = new int[available.length];
        long left = cap;
        while (left > 0) {
            int open = 0;
            for (int i = 0; i < available.length; i++) {
                open += given[i] < available[i] ? 1 : 0;
            }
            if (open == 0) {
                break;
            }
            long each = Math.max(1, left / open);
            for (int i = 0; i < available.length && left > 0; i++) {
                long take = Math.min(Math.min(each, available[i] - given[i]), left);
                if (take > 0) {
                    given[i] += (int) take;
                    left -= take;
                }
            }
        }
        return given;
    }
}
