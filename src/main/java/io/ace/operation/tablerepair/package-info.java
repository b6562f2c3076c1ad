/**
 * The table-repair operation: its options and request, and its job (one partition per target
 * node, each in one transaction; verify every key of the diff file; report).
 */
package io.ace.operation.tablerepair;
