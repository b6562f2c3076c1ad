package io.ace.repair;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a repair did (or with a dry run, would do) on one node.
 *
 * @param applied changes written (or that would be written), by kind
 * @param stale   changes skipped because the target row no longer has the value the diff file recorded
 * @param already changes whose target row already had the wanted value (a resumed repair finds these)
 */
public record RepairOutcome(String node, Map<RepairChange.Kind, Long> applied, long stale, long already) {

    public RepairOutcome {
        Map<RepairChange.Kind, Long> all = new EnumMap<>(RepairChange.Kind.class);
        for (RepairChange.Kind kind : RepairChange.Kind.values()) {
            all.put(kind, applied.getOrDefault(kind, 0L));
        }
        applied = all;
    }

    /**
     * The outcome a repair's counts statement gives: per row a change kind, a status and how many
     * changes; of a ready row, column {@code written} says how many were written (the changes, or in a
     * multiset the copies).
     */
    static RepairOutcome counted(Connection c, String countsSql, String node, int written) throws SQLException {
        Map<RepairChange.Kind, Long> applied = new EnumMap<>(RepairChange.Kind.class);
        long stale = 0;
        long already = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(countsSql)) {
            while (rs.next()) {
                switch (rs.getString(2)) {
                    case RepairSql.READY -> applied.merge(RepairChange.Kind.of(rs.getString(1)), rs.getLong(written), Long::sum);
                    case RepairSql.STALE -> stale += rs.getLong(3);
                    default -> already += rs.getLong(3);
                }
            }
        }
        return new RepairOutcome(node, applied, stale, already);
    }

    public long count(RepairChange.Kind kind) {
        return applied.get(kind);
    }

    public long appliedTotal() {
        return applied.values().stream().mapToLong(Long::longValue).sum();
    }
}
