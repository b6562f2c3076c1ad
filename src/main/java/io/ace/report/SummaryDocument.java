package io.ace.report;

/**
 * A summary file's JSON: the run's summary first, under {@code summary}, then what the operation
 * lists beside it (tables, node pairs, findings, configurations).
 */
public interface SummaryDocument {

    Summary summary();
}
