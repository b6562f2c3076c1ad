package io.ace.repair;

import io.ace.catalog.TableShape;
import io.ace.cluster.NodeConnectionException;
import io.ace.cluster.NodePool;
import io.ace.difffile.DiffFileReader.Value;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies one node's changes in one transaction: all commit together or none does. Each target
 * row is locked and compared with what the diff file recorded first: a row that changed since
 * the diff is left alone and reported stale; a row that already has the wanted value is counted
 * as already repaired, so a resumed repair neither duplicates nor loses a change.
 */
public final class RepairApplier {

    private final TableShape shape;
    private final RepairSql sql;
    private final RepairOptions options;

    public RepairApplier(TableShape shape, RepairOptions options) {
        this.shape = shape;
        this.sql = new RepairSql(shape);
        this.options = options;
    }

    public RepairOutcome apply(NodePool pool, List<RepairChange> changes) throws SQLException {
        List<RepairChange> applied = new ArrayList<>();
        List<RepairChange> stale = new ArrayList<>();
        List<RepairChange> already = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        try (Connection c = pool.open()) {
            ReplicationGuard guard = options.dryRun() ? null : ReplicationGuard.setUp(c);
            try {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    if (options.dryRun()) {
                        st.execute("SET TRANSACTION READ ONLY");
                    }
                    if (!options.fireTriggers() && !options.dryRun()) {
                        // user triggers (and foreign-key checks) stay quiet: the rows come from a node where they already ran
                        st.execute("SET LOCAL session_replication_role = replica");
                    }
                }
                if (guard != null) {
                    guard.begin(c);
                }
                for (RepairChange change : changes) {
                    switch (state(c, change)) {
                        case STALE -> stale.add(change);
                        case ALREADY -> already.add(change);
                        case READY -> {
                            statements.add(write(c, change));
                            applied.add(change);
                        }
                    }
                }
                if (options.dryRun()) {
                    c.rollback();
                } else {
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                if (guard != null) {
                    guard.tearDown(c);
                }
            }
        } catch (io.ace.exit.AceException e) {
            throw e;
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) || "08006".equals(e.getSQLState())) {
                throw NodeConnectionException.of(pool.node(), e);
            }
            throw e;
        }
        return new RepairOutcome(pool.name(), applied, stale, already, options.dryRun() ? statements : List.of());
    }

    private enum State { READY, STALE, ALREADY }

    private State state(Connection c, RepairChange change) throws SQLException {
        Boolean matchesBefore = compare(c, change.key(), change.before() != null ? change.before() : change.after());
        boolean present = matchesBefore != null;
        if (change.before() == null) {
            // the diff saw no row here: insert, unless one appeared since (the same one: already; another: stale)
            return !present ? State.READY : matchesBefore ? State.ALREADY : State.STALE;
        }
        if (!present) {
            return change.after() == null ? State.ALREADY : State.STALE;
        }
        if (matchesBefore) {
            return State.READY;
        }
        return change.after() != null && Boolean.TRUE.equals(compare(c, change.key(), change.after())) ? State.ALREADY : State.STALE;
    }

    /** Null when the key has no row; otherwise whether the row equals {@code row} in every column. */
    private Boolean compare(Connection c, List<String> key, Map<String, Value> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.compare(!options.dryRun()))) {
            int i = 1;
            for (String v : sql.rowValues(row)) {
                ps.setString(i++, v);
            }
            for (String k : key) {
                ps.setString(i++, k);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private String write(Connection c, RepairChange change) throws SQLException {
        String statement;
        List<String> values;
        switch (change.kind()) {
            case INSERT -> {
                statement = sql.insert();
                values = sql.rowValues(change.after());
            }
            case UPDATE -> {
                statement = sql.update(change.columns());
                values = sql.updateValues(change.after(), change.columns(), change.key());
            }
            default -> {
                statement = sql.delete();
                values = change.key();
            }
        }
        if (!options.dryRun()) {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setString(i + 1, values.get(i));
                }
                ps.executeUpdate();
            }
        }
        return RepairSql.literal(statement, values);
    }
}
