package io.ace.findings;

import io.ace.diff.KeyDifference;
import java.util.List;

/** A stored run of a block's differences (in key order) and its position in the block. */
public record StoredDifferences(int seq, List<KeyDifference> differences) {
}
