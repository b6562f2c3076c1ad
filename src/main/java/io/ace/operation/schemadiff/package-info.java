/**
 * The schema-diff operation: a schema's object definitions compared pair by pair across the
 * nodes, then (unless {@code --ddl-only}) the data of every table present on all nodes, a
 * partition per table as repset-diff does.
 */
package io.ace.operation.schemadiff;
