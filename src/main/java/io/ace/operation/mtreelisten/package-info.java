/** The mtree-listen operation: continuous change capture and tree refresh on every node until stopped. */
package io.ace.operation.mtreelisten;
