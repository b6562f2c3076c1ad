/**
 * The repset-diff operation: every table of a replication set (Spock, pglogical) or publication
 * (native), compared under the set's row filter and column list, a partition per table; a line
 * per table in the summary and the ordinary diff file of each table that differs.
 */
package io.ace.operation.repsetdiff;
