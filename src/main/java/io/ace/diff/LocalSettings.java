package io.ace.diff;

import io.ace.cluster.StatementGroup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /** Binds a statement's parameters, numbered from 1. */
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** What is read from a statement's rows. */
    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private LocalSettings() {
    }

    /** No sequential scan, no parallel workers: the narrow ranges' plan. */
    static final List<String> RANGES = List.of("enable_seqscan = off", "max_parallel_workers_per_gather = 0");

    /**
     * Runs {@code query} with {@code settings} ({@code name = value} each), then resets them. The
     * settings go in one round trip and the resets in another, whatever their number; the query
     * keeps its own (it may fetch its rows by cursor, a batch at a time).
     */
    static <T> T with(Connection connection, List<String> settings, Query<T> query) throws SQLException {
        StatementGroup.execute(connection, sets(settings));
        try {
            return query.run();
        } finally {
            StatementGroup.execute(connection, resets(settings));
        }
    }

    /**
     * Runs {@code sql} with {@code settings} and resets them, all in one round trip: a node across
     * a network pays its latency once per range statement. Its rows are read whole (a statement sent
     * with others is not fetched by cursor), so this is for statements of few rows.
     */
    static <T> T with(Connection connection, List<String> settings, String sql, Parameters parameters, Rows<T> rows) throws SQLException {
        List<String> statements = new ArrayList<>(sets(settings));
        statements.add(sql);
        statements.addAll(resets(settings));
        // the settings take no parameters: the statement's are numbered from 1
        try (PreparedStatement ps = connection.prepareStatement(StatementGroup.text(statements))) {
            parameters.bind(ps);
            ps.execute();
            for (int i = 0; i < settings.size(); i++) {
                ps.getMoreResults();
            }
            try (ResultSet rs = ps.getResultSet()) {
                return rows.read(rs);
            }
        }
    }

    private static List<String> sets(List<String> settings) {
        return settings.stream().map(setting -> "SET LOCAL " + setting).toList();
    }

    private static List<String> resets(List<String> settings) {
        return settings.stream().map(setting -> "RESET " + setting.substring(0, setting.indexOf(' '))).toList();
    }
}
