/** The mtree-teardown operation: drops the slot, publication and schema of the Merkle trees from the nodes. */
package io.ace.operation.mtreeteardown;
