package io.ace.mtree;

import io.ace.cluster.NodePool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.postgresql.replication.LogSequenceNumber;

/**
 * Makes sure every change committed on a node before now is in its change queue: reads the node's
 * current WAL position, then drains the slot up to it, or, while another reader holds the slot
 * ({@code mtree listen}, another run), waits until that reader has confirmed the position (it
 * confirms only what it has marked). Two readers never fight over the slot, and nothing stops on
 * a quiet stream.
 */
final class SlotCatchUp {

    private static final long POLL_MILLIS = 50;
    private static final String CONFIRMED = "SELECT confirmed_flush_lsn >= ?::pg_lsn, active_pid IS NOT NULL"
            + " FROM pg_catalog.pg_replication_slots WHERE slot_name = ?";

    private SlotCatchUp() {
    }

    /**
     * Returns the changes of tracked tables this call read itself (0 when another reader had
     * them). The target is the WAL insert position, not the write position: with asynchronous
     * commit a transaction is visible before its commit record is written, and a drain that
     * stopped at the write position would miss it while a later snapshot already shows it.
     */
    static long run(NodePool pool, CaptureHook hook) throws Exception {
        String slot;
        String target;
        try (Connection c = pool.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_current_wal_insert_lsn()::text")) {
            rs.next();
            target = rs.getString(1);
            slot = MetadataSchema.slotName(c);
        }
        while (true) {
            Boolean reached = reached(pool, slot, target);
            if (Boolean.TRUE.equals(reached)) {
                return 0;
            }
            if (reached == null) {
                Optional<ChangeCapture> capture = ChangeCapture.open(pool, slot, hook);
                if (capture.isPresent()) {
                    try (ChangeCapture reader = capture.get()) {
                        reader.drainTo(LogSequenceNumber.valueOf(target));
                        return reader.changes();
                    }
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * True when the slot's confirmed position is at the target (nothing to read), false while
     * another reader is still before it, null when nobody reads it and it is before the target.
     */
    private static Boolean reached(NodePool pool, String slot, String target) throws SQLException {
        try (Connection c = pool.open(); PreparedStatement ps = c.prepareStatement(CONFIRMED)) {
            ps.setString(1, target);
            ps.setString(2, slot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the capture slot " + slot + " of node " + pool.name() + " disappeared");
                }
                if (rs.getBoolean(1)) {
                    return true;
                }
                return rs.getBoolean(2) ? false : null;
            }
        }
    }
}
