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
 * @param copies  in a multiset, the row's copies on the node and on the source; null where a key matches rows
 */
public record RepairChange(String node, Kind kind, List<String> key, Map<String, Value> before, Map<String, Value> after,
                           List<String> columns, Map<String, Value> held, Copies copies) {

    /** A change of a row matched by key. */
    public RepairChange(String node, Kind kind, List<String> key, Map<String, Value> before, Map<String, Value> after,
                        List<String> columns, Map<String, Value> held) {
        this(node, kind, key, before, after, columns, held, null);
    }

    /**
     * How many identical copies of a multiset's row there were and are: a change inserts or
     * deletes copies, and is stale when a count is not the one the diff file recorded.
     *
     * @param recorded       the node's copies as the diff file recorded them
     * @param found          the node's copies when the repair counted them (locked)
     * @param left           the node's copies when the repair commits (with a dry run, would)
     * @param sourceRecorded the source's copies as the diff file recorded them: how many the node is to hold
     * @param sourceFound    the source's copies when the repair counted them
     */
    public record Copies(long recorded, long found, long left, long sourceRecorded, long sourceFound) {
    }

    public enum Kind {
        INSERT, UPDATE, DELETE;

        /** The kind as the repair's statements spell it ({@code insert}, ...). */
        static Kind of(String text) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(text)) {
                    return k;
                }
            }
            throw new IllegalStateException("unknown change kind " + text);
        }
    }

    /** What became of a change: written (or with a dry run, would be), skipped as stale, or already in place. */
    public enum Status { APPLIED, STALE, ALREADY }
}
