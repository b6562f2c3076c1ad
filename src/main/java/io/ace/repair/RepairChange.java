package io.ace.repair;

import io.ace.difffile.DiffFileReader.Value;
import java.util.List;
import java.util.Map;

/**
 * One row written (or left alone) on one node.
 *
 * @param node    the node written
 * @param kind    insert, update (all non-key columns, or for fix-nulls only {@code columns}), or delete
 * @param key     the primary key's values as text
 * @param before  the row the diff file recorded on this node (null: the node lacked it); a row that no longer has these values is stale
 * @param after   the row the repair planned to leave there (null for a delete)
 * @param held    the row the node holds when the repair commits, read in its transaction (null: no row); for a
 *                stale change the row someone else wrote, for a dry run the row as it is
 * @param columns for fix-nulls, the columns to fill; otherwise empty
 */
public record RepairChange(String node, Kind kind, List<String> key, Map<String, Value> before, Map<String, Value> after,
                           List<String> columns, Map<String, Value> held) {

    public enum Kind { INSERT, UPDATE, DELETE }

    /** What became of a change: written (or with a dry run, would be), skipped as stale, or already in place. */
    public enum Status { APPLIED, STALE, ALREADY }
}
