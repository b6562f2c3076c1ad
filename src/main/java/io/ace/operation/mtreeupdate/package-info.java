/** The mtree-update operation: changes captured, dirty leaves rehashed, trees written on every node. */
package io.ace.operation.mtreeupdate;
