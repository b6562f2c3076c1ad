package io.ace.findings;

import io.ace.diff.KeyDifference;

/** A recorded difference and its position in its block (key order). */
public record StoredDifference(int seq, KeyDifference difference) {
}
