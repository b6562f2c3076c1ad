/**
 * Merkle trees of tables kept on every node and kept current from the change stream: the
 * metadata schema, publication and logical slot of each node, the leaf layout the tool decides
 * once for every node, change capture through {@code pgoutput}, rehashing of dirty leaves with the
 * comparison's own row hash, and the comparison of trees. Plain Java and JDBC.
 */
package io.ace.mtree;
