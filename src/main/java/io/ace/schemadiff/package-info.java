/**
 * The schema comparison engine: every object of a schema (tables, columns, constraints, indexes,
 * views, routines, sequences, triggers, enum types) read from each node's catalog with
 * PostgreSQL's own definition functions, and compared pair by pair. Plain Java and JDBC.
 */
package io.ace.schemadiff;
