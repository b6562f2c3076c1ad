package io.ace.mtree;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The logical slot of one node ({@code pgoutput}), as {@code pg_replication_slots} shows it.
 *
 * @param name          the slot's name on this node
 * @param exists        whether the slot is there at all
 * @param activePid     the process streaming from it now, or null
 * @param walStatus     reserved, extended, unreserved or lost
 * @param retainedBytes WAL the server keeps for the slot (from its restart position to now)
 * @param lagBytes      WAL written since the position the slot's reader last confirmed
 * @param confirmed     the confirmed position, as text
 */
record CaptureSlot(String name, boolean exists, Integer activePid, String walStatus, long retainedBytes, long lagBytes,
                   String confirmed) {

    private static final String READ = """
            SELECT active_pid, wal_status, restart_lsn IS NULL,
                   COALESCE(pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), restart_lsn), 0)::bigint,
                   COALESCE(pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint,
                   confirmed_flush_lsn::text
            FROM pg_catalog.pg_replication_slots WHERE slot_name = ?
            """;

    static CaptureSlot read(Connection c) throws SQLException {
        String name = MetadataSchema.slotName(c);
        try (PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new CaptureSlot(name, false, null, null, 0, 0, null);
                }
                int pid = rs.getInt(1);
                Integer active = rs.wasNull() ? null : pid;
                String status = rs.getBoolean(3) ? "lost" : rs.getString(2);
                return new CaptureSlot(name, true, active, status, rs.getLong(4), rs.getLong(5), rs.getString(6));
            }
        }
    }

    /** Gone or invalidated: the changes it held are lost, and every tree of the node must be rehashed. */
    boolean unusable() {
        return !exists || "lost".equals(walStatus);
    }

    /** Creates the slot; it captures every change committed from now on. Runs outside any transaction that wrote. */
    static void create(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_create_logical_replication_slot(?, 'pgoutput')")) {
            ps.setString(1, MetadataSchema.slotName(c));
            ps.execute();
        }
    }

    static void drop(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_drop_replication_slot(?)")) {
            ps.setString(1, MetadataSchema.slotName(c));
            ps.execute();
        }
    }
}
