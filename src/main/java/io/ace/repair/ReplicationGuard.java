package io.ace.repair;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps a repair on the node it is written to. Spock has {@code spock.repair_mode}; pglogical
 * and native logical replication do not forward changes made in a session with a replication
 * origin set up (subscriptions use {@code forward_origins '{}'}), so the session takes one.
 * {@code session_replication_role = replica} would not stop pglogical.
 */
final class ReplicationGuard {

    static final String ORIGIN = "ace_repair";

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
        try (Statement st = c.createStatement()) {
            if (!spock) {
                st.execute("SELECT pg_catalog.pg_replication_origin_create('" + ORIGIN + "') WHERE NOT EXISTS "
                        + "(SELECT 1 FROM pg_catalog.pg_replication_origin WHERE roname = '" + ORIGIN + "')");
                st.execute("SELECT pg_catalog.pg_replication_origin_session_setup('" + ORIGIN + "')");
            }
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

    /** After the transaction: the pooled session goes back without the origin. */
    void tearDown(Connection c) {
        try (Statement st = c.createStatement()) {
            if (spock) {
                st.execute("SELECT spock.repair_mode(false)");
            } else {
                st.execute("SELECT pg_catalog.pg_replication_origin_session_reset()");
            }
        } catch (SQLException ignored) {
            // a session that cannot reset is discarded by the caller
        }
    }
}
