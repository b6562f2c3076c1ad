/**
 * The job repository's migrations that are code rather than SQL: the batch tables from Spring
 * Batch's own script. The ACE tables and later changes are SQL in {@code db/migration/{vendor}}.
 */
package io.ace.repository.migration;
