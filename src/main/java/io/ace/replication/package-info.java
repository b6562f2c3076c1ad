/**
 * Replication as the nodes report it: lag, fences that wait for pending changes to apply, node
 * health.
 */
package io.ace.replication;
