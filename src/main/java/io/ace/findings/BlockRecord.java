package io.ace.findings;

/** One compared block: rows checked (the largest count on any node), whether hashes disagreed, keys that differ. */
public record BlockRecord(int blockNo, long rowsChecked, boolean mismatched, int diffKeys) {
}
