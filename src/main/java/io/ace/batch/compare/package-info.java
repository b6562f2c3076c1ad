/**
 * One table's comparison as the steps of any job run it (table-diff, and each table of
 * repset-diff and schema-diff): plan, blocks recorded with their findings, the re-check, and the
 * ordinary diff file and HTML report; the summary files and run facts of the other reports.
 */
package io.ace.batch.compare;
