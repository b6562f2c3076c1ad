/** The mtree-status operation: slots, retained WAL, and each tree's leaves and pending changes, per node. */
package io.ace.operation.mtreestatus;
