package io.ace.cluster;

/**
 * Settings pinned on every session ACE opens, so that text output and ordering are the same on
 * every node whatever the server's defaults (README, "What equal means").
 */
public final class SessionSettings {

    /**
     * Run once per physical connection. JIT is off because the hashing queries are short scans
     * whose compile time costs more than it saves (measured: a HashAggregate with JIT took
     * longer than the scan itself).
     */
    public static final String INIT_SQL = String.join("; ",
            "SET TimeZone = 'UTC'",
            "SET DateStyle = 'ISO, YMD'",
            "SET IntervalStyle = 'postgres'",
            "SET extra_float_digits = 3",
            "SET bytea_output = 'hex'",
            // how the table filter's text was read when it was checked (TableFilterText)
            "SET standard_conforming_strings = on",
            "SET search_path = ''",
            "SET jit = off",
            // never queue behind an application's lock (DDL, LOCK TABLE): fail the block, let a restart retry it
            "SET lock_timeout = '10s'");

    public static final String APPLICATION_NAME = "ace";

    private SessionSettings() {
    }
}
