/** The mtree-teardown-table operation: drops one table's tree and takes it out of the publication. */
package io.ace.operation.mtreeteardowntable;
