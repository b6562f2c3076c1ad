/**
 * Jobs that compare many tables (repset-diff, schema-diff): the frozen set of tables with why each
 * is or is not compared, the partitioned step that compares them a partition per table within a
 * session budget, and what every table came to across the executions of a run.
 */
package io.ace.batch.tableset;
