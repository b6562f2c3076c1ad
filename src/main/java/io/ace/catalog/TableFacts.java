package io.ace.catalog;

/**
 * What decides whether a relation can be compared row by row, from one node's catalog.
 *
 * @param kind        {@code pg_class.relkind}: r table, p partitioned table, v view, m materialized view, f foreign table, ...
 * @param persistence {@code pg_class.relpersistence}: p permanent, u unlogged, t temporary
 * @param inherited   a plain table with inheritance children, whose rows a query of it includes but an insert into it does not reach
 */
public record TableFacts(char kind, char persistence, boolean inherited) {

    /** A table (plain or partitioned) that holds rows of its own. */
    public boolean isTable() {
        return kind == 'r' || kind == 'p';
    }

    /** Logical replication never carries its rows: an unlogged or temporary table. */
    public boolean notReplicated() {
        return persistence == 'u' || persistence == 't';
    }

    public String persistenceName() {
        return persistence == 'u' ? "unlogged" : persistence == 't' ? "temporary" : "permanent";
    }
}
