/**
 * The spock-diff operation: every node's replication configuration (its replication node,
 * subscriptions, sets and their tables) from Spock's, pglogical's or PostgreSQL's own catalog,
 * compared pair by pair, with hints for common misconfigurations.
 */
package io.ace.operation.spockdiff;
