/**
 * The mtree-build operation: its options and request, and its job (plan the leaves and give them
 * to every node, hash partitions of leaves, write the trees).
 */
package io.ace.operation.mtreebuild;
