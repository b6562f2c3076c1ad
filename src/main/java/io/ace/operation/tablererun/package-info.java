/**
 * The table-rerun operation: its options and request, and its job (re-check the keys of a diff
 * file in batches; report what still differs).
 */
package io.ace.operation.tablererun;
