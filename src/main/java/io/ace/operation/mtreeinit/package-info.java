/** The mtree-init operation: per node, the metadata schema, publication and slot of the Merkle trees. */
package io.ace.operation.mtreeinit;
