package io.ace.diff;

/** A block's row count and order-independent hash on one node. */
public record BlockHash(long rows, long hash) {
}
