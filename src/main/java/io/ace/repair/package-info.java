/**
 * The repair engine, plain Java and JDBC: plans changes from a diff file, applies them with stale
 * protection in one transaction per node without onward replication.
 */
package io.ace.repair;
