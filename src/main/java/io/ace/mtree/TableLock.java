package io.ace.mtree;

import io.ace.catalog.TableName;
import io.ace.cluster.NodePool;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One table's tree on one node is changed by one run at a time (update, table-diff, listen's
 * refresh): a session-level advisory lock held by a session of its own while the run works.
 */
final class TableLock implements AutoCloseable {

    private static final String LOCK = "SELECT pg_catalog.pg_advisory_lock(hashtext('" + MetadataSchema.SCHEMA + "'), hashtext(?))";
    private static final String TRY = "SELECT pg_catalog.pg_try_advisory_lock(hashtext('" + MetadataSchema.SCHEMA + "'), hashtext(?))";
    private static final String UNLOCK = "SELECT pg_catalog.pg_advisory_unlock(hashtext('" + MetadataSchema.SCHEMA + "'), hashtext(?))";

    private final Connection session;
    private final String key;

    private TableLock(Connection session, String key) {
        this.session = session;
        this.key = key;
    }

    /** Waits for the lock (as long as the session's lock timeout), or fails with exit 75 naming the node. */
    static TableLock acquire(NodePool pool, TableName table) throws SQLException {
        Connection c = pool.open();
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.setString(1, table.toString());
            ps.execute();
            return new TableLock(c, table.toString());
        } catch (SQLException e) {
            c.close();
            if ("55P03".equals(e.getSQLState())) {
                throw new AceException(ExitCode.UNREACHABLE, "another ACE run is updating the Merkle tree of " + table + " on node "
                        + pool.name() + "; retry when it has ended");
            }
            throw e;
        }
    }

    /** The lock if it is free now, else null (a background refresh leaves the table to the run that holds it). */
    static TableLock tryAcquire(NodePool pool, TableName table) throws SQLException {
        Connection c = pool.open();
        try (PreparedStatement ps = c.prepareStatement(TRY)) {
            ps.setString(1, table.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new TableLock(c, table.toString());
                }
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(UNLOCK)) {
            ps.setString(1, key);
            ps.execute();
        } finally {
            session.close();
        }
    }
}
