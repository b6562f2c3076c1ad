/**
 * The mtree-table-diff operation: update the trees, compare them from the root down, narrow the
 * mismatched leaves with the comparison engine, re-check, and write the ordinary diff file.
 */
package io.ace.operation.mtreetablediff;
