package io.ace.batch.tableset;

/**
 * Why one table of many could not be compared. It carries the table's error as a suppressed
 * exception, not as its cause: the run's own outcome (failed, with its summary) must not be taken
 * for the exit code and message of one table's error.
 */
final class TableFailure extends RuntimeException {

    TableFailure(String table, Exception error) {
        super("comparing " + table + " failed: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
        addSuppressed(error);
    }
}
