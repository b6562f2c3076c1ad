/**
 * Replication as the nodes report it: each node's configuration from Spock's, pglogical's or
 * PostgreSQL's own catalog (nodes, subscriptions, sets, their tables with row filters and column
 * lists), a set's membership across the nodes, lag, fences that wait for pending changes to
 * apply, node health.
 */
package io.ace.replication;
