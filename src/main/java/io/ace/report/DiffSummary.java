package io.ace.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The summary a diff file ends with (README, "The diff file"): what was compared and how, what
 * differs, what the live-cluster safeguards did, and which run wrote it. table-repair and
 * table-rerun read it back.
 *
 * @param primaryKey           the key columns rows are matched by
 * @param keyIndex             the index they are of ({@code primary key "t_pkey"}, {@code unique index "t_code_key"}, ...);
 *                             null in diff files of earlier versions, which matched by primary key only
 * @param comparedAs           {@code multiset} for a table without a key, compared as a multiset of whole rows (each
 *                             listed row then carries its node's number of copies); null when rows are matched by key
 * @param blockSize            rows per block (a Merkle tree's leaf size; a multiset's rows per hash bucket)
 * @param tableFilter          the row filter compared under, empty for none
 * @param columns              the columns compared when not all were (a replication set's column list); rows carry only
 *                             these, and table-repair repairs only them
 * @param columnChoice         the --columns or --exclude-columns the columns were chosen by, null when by none
 * @param againstOrigin        the node whose writes alone were compared (--against-origin), null when all rows were
 * @param until                the latest commit time of its writes that counted (RFC 3339), null when all did
 * @param incremental          an incremental run's column, window and last full comparison; null for a run over every row
 * @param equality             what makes rows equal ({@code exact}, ...)
 * @param startTime            when the comparison started, RFC 3339 in UTC
 * @param diffRowsCount        differing rows per node pair
 * @param totalRowsChecked     the largest node's row count
 * @param initialRangesCount   blocks of the plan (leaves of a tree, a multiset's hash buckets)
 * @param mismatchedRangesCount those whose hashes disagreed
 * @param oddNodeCounts        per node, the keys on which it was the odd one out
 * @param transientKeys        keys that differed, then resolved on re-check (changes in flight)
 * @param recheckLaggingNodes  nodes whose subscribers had not caught up when the re-check stopped waiting
 * @param mtree                a Merkle tree's own figures, for mtree-table-diff; null otherwise
 */
public record DiffSummary(String schema, String table, List<String> nodes, List<String> primaryKey, String keyIndex,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String comparedAs, int blockSize, int compareUnitSize,
                          double concurrencyFactor, long maxDiffRows, String tableFilter,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> columns,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String columnChoice,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String againstOrigin,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String until,
                          @JsonInclude(JsonInclude.Include.NON_NULL) IncrementalRun incremental, String equality, String startTime,
                          String endTime, String timeTaken, Map<String, Long> diffRowsCount, boolean diffRowLimitReached,
                          long totalRowsChecked, int initialRangesCount, int mismatchedRangesCount, Map<String, Long> oddNodeCounts,
                          long transientKeys, boolean recheck, long hashStatements, long throttlePauses, double throttlePausedSeconds,
                          double recheckSeconds, List<String> recheckLaggingNodes, @JsonInclude(JsonInclude.Include.NON_NULL) Tree mtree,
                          long jobExecutionId, String runKey, String toolVersion) implements Summary {

    /**
     * An incremental run (--incremental-column): the rows it read are those whose column lies after
     * {@code windowFrom} (null: it read every row, as a first run does) and at most {@code windowTo},
     * the next run's watermark.
     *
     * @param boundary           how far behind the run's start the window ends (ISO 8601)
     * @param lastFullComparison when a comparison of every row of the table last completed (RFC 3339), null when none did
     * @param deletes            what such a run cannot see
     */
    public record IncrementalRun(String column, String boundary, String windowFrom, String windowTo, String lastFullComparison,
                                 String deletes) {
    }

    /**
     * What a Merkle tree comparison (mtree-table-diff) found besides: its leaves stand for blocks.
     *
     * @param treeNodesRead   tree nodes read to find the mismatched leaves
     * @param changesCaptured changes captured on the nodes since the trees' last update, applied to them before comparing
     * @param leavesRehashed  leaves hashed again by that update
     * @param leavesSplit     leaves that update split on every node
     */
    public record Tree(long leaves, long treeNodesRead, long changesCaptured, long leavesRehashed, long leavesSplit) {
    }
}
