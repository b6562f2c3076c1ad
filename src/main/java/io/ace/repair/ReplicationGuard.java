package io.ace.repair;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.cluster.StatementGroup;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Keeps a repair on the node it is written to. Spock has {@code spock.repair_mode}; pglogical
 * and native logical replication do not forward changes made in a session with a replication
 * origin set up (subscriptions use {@code forward_origins '{}'}), so the session takes one.
 * {@code session_replication_role = replica} would not stop pglogical.
 */
final class ReplicationGuard {

    static final String ORIGIN = "ace_repair";
    private static final String SETUP = "SELECT pg_catalog.pg_replication_origin_session_setup('" + ORIGIN + "')";
    private static final String RESET = "SELECT pg_catalog.pg_replication_origin_session_reset()";

    private final boolean spock;

    private ReplicationGuard(boolean spock) {
        this.spock = spock;
    }

    /** Prepares the session (before its transaction begins). */
    static ReplicationGuard setUp(Connection c) throws SQLException {
        boolean spock;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'spock')")) {
            rs.next();
            spock = rs.getBoolean(1);
        }
        if (!spock) {
            StatementGroup.execute(c, List.of("SELECT pg_catalog.pg_replication_origin_create('" + ORIGIN + "') WHERE NOT EXISTS "
                    + "(SELECT 1 FROM pg_catalog.pg_replication_origin WHERE roname = '" + ORIGIN + "')", SETUP));
        }
        return new ReplicationGuard(spock);
    }

    /** Inside the repair's transaction. */
    void begin(Connection c) throws SQLException {
        if (spock) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT spock.repair_mode(true)");
            }
        }
    }

    /**
     * Takes {@code origin} for the session instead of the repair's own (--preserve-origin): its
     * writes then carry that origin. Refused while the subscription that owns it is applying.
     */
    void use(Connection c, String origin, String node) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (!spock) {
                st.execute(RESET);
            }
            try (var ps = c.prepareStatement("SELECT pg_catalog.pg_replication_origin_session_setup(?)")) {
                ps.setString(1, origin);
                ps.execute();
            }
        } catch (SQLException e) {
            if ("55006".equals(e.getSQLState())) {
                throw new AceException(ExitCode.UNREACHABLE, "replication origin " + origin + " on node " + node + " is in use by its subscription's"
                        + " apply worker, so --preserve-origin cannot write under it now; disable that subscription while the repair runs"
                        + " (its provider failed), or leave out --preserve-origin");
            }
            throw e;
        }
    }

    /** Back to the repair's own origin after {@link #use}. */
    void restore(Connection c) throws SQLException {
        StatementGroup.execute(c, spock ? List.of(RESET) : List.of(RESET, SETUP));
    }

    /** After the transaction: the pooled session goes back without the origin. */
    void tearDown(Connection c) {
        try (Statement st = c.createStatement()) {
            if (spock) {
                st.execute("SELECT spock.repair_mode(false)");
            } else {
                st.execute(RESET);
            }
        } catch (SQLException ignored) {
            // a session that cannot reset is discarded by the caller
        }
    }
}
