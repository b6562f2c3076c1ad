package io.ace.diff;

import io.ace.cluster.StatementGroup;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Planner settings for one statement, inside the caller's transaction. The range statements give
 * the planner bounds it cannot estimate (parameters), so it may take a handful of narrow ranges
 * for most of the table: scan all of it, or start parallel workers that cost more than the
 * ranges. They run with those plans off.
 */
final class LocalSettings {

    /** A statement to run with the settings. */
    interface Query<T> {
        T run() throws SQLException;
    }

    private LocalSettings() {
    }

    /** No sequential scan, no parallel workers: the narrow ranges' plan. */
    static final List<String> RANGES = List.of("enable_seqscan = off", "max_parallel_workers_per_gather = 0");

    /**
     * Runs {@code query} with {@code settings} ({@code name = value} each), then resets them. The
     * settings go in one round trip and the resets in another, whatever their number: a node across a
     * network pays its latency per round trip, on every range statement.
     */
    static <T> T with(Connection connection, List<String> settings, Query<T> query) throws SQLException {
        StatementGroup.execute(connection, settings.stream().map(setting -> "SET LOCAL " + setting).toList());
        try {
            return query.run();
        } finally {
            StatementGroup.execute(connection, settings.stream().map(setting -> "RESET " + setting.substring(0, setting.indexOf(' '))).toList());
        }
    }
}
