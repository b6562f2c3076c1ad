/**
 * The table-diff operation: its options and request, and its job (plan the key space, hash
 * partitions of blocks on every node at once, re-check differing keys after pending replication,
 * write the diff file and report).
 */
package io.ace.operation.tablediff;
