package io.ace.diff;

/** What makes two values equal (README, "What equal means"). */
public enum Equality {
    /** Same value in the same representation: what an application reads back is identical. */
    EXACT,
    /** Each type's own equality operator (numeric scale, interval units, sign of zero ignored). */
    SEMANTIC
}
