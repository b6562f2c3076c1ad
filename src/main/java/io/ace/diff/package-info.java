/**
 * The comparison engine, plain Java and JDBC: preflight checks, range planning, block hashing on
 * every node at once, narrowing mismatched blocks, re-checking keys, throttling.
 */
package io.ace.diff;
