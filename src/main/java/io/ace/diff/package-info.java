/**
 * The comparison engine, plain Java and JDBC: preflight checks, range planning, block hashing on
 * every node at once, narrowing mismatched blocks, re-checking keys, throttling; which of many
 * tables can be compared, and why not.
 */
package io.ace.diff;
