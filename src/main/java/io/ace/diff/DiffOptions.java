package io.ace.diff;

import io.ace.cluster.ClusterDefinition;
import io.ace.exit.AceException;
import java.util.List;

/**
 * The settings of one table comparison, with named defaults and one {@link #validate()}.
 *
 * @param nodes             nodes to compare (empty: all nodes of the cluster)
 * @param blockSize         rows per hashed block
 * @param concurrencyFactor partitions hashed at once, per available processor
 * @param compareUnitSize   keys per batch when full rows of differing keys are fetched
 * @param maxDiffRows       differing keys reported per node pair (0: no limit)
 * @param tableFilter       condition on the table's columns restricting the rows compared (see {@link TableFilterCheck})
 * @param equality          exact (default) or semantic equality
 * @param recheck           re-read differing keys after pending replication is applied, drop those that resolve
 * @param recheckTimeoutSeconds how long the re-check waits for replication to catch up
 * @param maxLoad           pause while a node has more active application sessions (0: no limit)
 * @param maxLagSeconds     pause while a node's subscribers lag by more seconds (0: no limit)
 * @param targetQuerySeconds size hashing statements to take about this long (0: one per partition)
 * @param columns           the columns compared (the key always is)
 * @param against           compare only one node's writes (that node left out), or null for all rows
 * @param incremental       compare only the rows changed since the last completed run, by a timestamp column; null for all
 */
public record DiffOptions(List<String> nodes, int blockSize, double concurrencyFactor, int compareUnitSize,
                          long maxDiffRows, String tableFilter, Equality equality, boolean recheck, int recheckTimeoutSeconds,
                          int maxLoad, int maxLagSeconds, double targetQuerySeconds, ColumnChoice columns, AgainstOrigin against,
                          Incremental incremental) {

    public static final int DEFAULT_BLOCK_SIZE = 100_000;
    public static final double DEFAULT_CONCURRENCY_FACTOR = 1.0;
    public static final int DEFAULT_COMPARE_UNIT_SIZE = 10_000;
    public static final long DEFAULT_MAX_DIFF_ROWS = 1_000_000;
    public static final int MIN_BLOCK_SIZE = 10;
    public static final int MAX_BLOCK_SIZE = 10_000_000;
    public static final int DEFAULT_RECHECK_TIMEOUT_SECONDS = 60;
    public static final long MAX_DIFF_ROWS = 1_000_000_000L;
    public static final int MAX_LOAD = 10_000;
    public static final int MAX_COMPARE_UNIT_SIZE = 1_000_000;
    /** The filter is kept with the run as a job parameter, whose column in the job repository holds 2,500 characters. */
    public static final int MAX_TABLE_FILTER_LENGTH = 2_000;

    public DiffOptions {
        nodes = ClusterDefinition.named(nodes);
        equality = equality == null ? Equality.EXACT : equality;
        tableFilter = tableFilter == null || tableFilter.isBlank() ? null : tableFilter.strip();
        columns = columns == null ? ColumnChoice.ALL : columns;
    }

    /** Settings comparing every row (not scoped to one node's writes). */
    public DiffOptions(List<String> nodes, int blockSize, double concurrencyFactor, int compareUnitSize,
                       long maxDiffRows, String tableFilter, Equality equality, boolean recheck, int recheckTimeoutSeconds,
                       int maxLoad, int maxLagSeconds, double targetQuerySeconds, ColumnChoice columns) {
        this(nodes, blockSize, concurrencyFactor, compareUnitSize, maxDiffRows, tableFilter, equality, recheck, recheckTimeoutSeconds,
                maxLoad, maxLagSeconds, targetQuerySeconds, columns, null, null);
    }

    public static DiffOptions defaults() {
        return new DiffOptions(List.of(), DEFAULT_BLOCK_SIZE, DEFAULT_CONCURRENCY_FACTOR, DEFAULT_COMPARE_UNIT_SIZE,
                DEFAULT_MAX_DIFF_ROWS, null, Equality.EXACT, true, DEFAULT_RECHECK_TIMEOUT_SECONDS, 0, 0, 0, ColumnChoice.ALL);
    }

    public DiffOptions validate() {
        if (blockSize < MIN_BLOCK_SIZE || blockSize > MAX_BLOCK_SIZE) {
            throw AceException.usage("--block-size must be between " + MIN_BLOCK_SIZE + " and " + MAX_BLOCK_SIZE + ", got " + blockSize);
        }
        if (!(concurrencyFactor > 0) || concurrencyFactor > 16) {
            throw AceException.usage("--concurrency-factor must be greater than 0 and at most 16, got " + concurrencyFactor);
        }
        checkCompareUnitSize(compareUnitSize);
        if (maxDiffRows < 0 || maxDiffRows > MAX_DIFF_ROWS) {
            throw AceException.usage("--max-diff-rows must be between 0 (no limit) and " + MAX_DIFF_ROWS + ", got " + maxDiffRows);
        }
        if (recheckTimeoutSeconds < 0 || recheckTimeoutSeconds > 86_400) {
            throw AceException.usage("--recheck-timeout must be between 0 and 86400 seconds, got " + recheckTimeoutSeconds);
        }
        if (targetQuerySeconds < 0 || targetQuerySeconds > 3_600) {
            throw AceException.usage("--target-query-time must be between 0 (off) and 3600 seconds, got " + targetQuerySeconds);
        }
        if (maxLoad < 0 || maxLoad > MAX_LOAD) {
            throw AceException.usage("--max-load must be between 0 (no limit) and " + MAX_LOAD + " sessions, got " + maxLoad);
        }
        if (maxLagSeconds < 0 || maxLagSeconds > 86_400) {
            throw AceException.usage("--max-lag must be between 0 (no limit) and 86400 seconds, got " + maxLagSeconds);
        }
        if (nodes.size() == 1) {
            throw AceException.usage("--nodes must name at least two nodes to compare");
        }
        if (tableFilter != null && tableFilter.length() > MAX_TABLE_FILTER_LENGTH) {
            throw AceException.usage("--table-filter is " + tableFilter.length() + " characters long; at most " + MAX_TABLE_FILTER_LENGTH
                    + " are allowed");
        }
        TableFilterText.check(tableFilter);
        if (against != null && nodes.contains(against.node())) {
            throw AceException.usage("--against-origin " + against.node() + " compares the other nodes' copies of " + against.node()
                    + "'s writes; leave " + against.node() + " out of --nodes");
        }
        return this;
    }

    /** {@code --compare-unit-size}, for every operation that fetches or re-checks keys in batches. */
    public static int checkCompareUnitSize(int compareUnitSize) {
        if (compareUnitSize < 1 || compareUnitSize > MAX_COMPARE_UNIT_SIZE) {
            throw AceException.usage("--compare-unit-size must be between 1 and " + MAX_COMPARE_UNIT_SIZE + ", got " + compareUnitSize);
        }
        return compareUnitSize;
    }

    /** The same settings with another row filter (a replication set's, for one of its tables). */
    public DiffOptions withTableFilter(String filter) {
        return new DiffOptions(nodes, blockSize, concurrencyFactor, compareUnitSize, maxDiffRows, filter, equality, recheck,
                recheckTimeoutSeconds, maxLoad, maxLagSeconds, targetQuerySeconds, columns, against, incremental);
    }

    /** The same settings comparing other columns of the table. */
    public DiffOptions withColumns(ColumnChoice chosen) {
        return new DiffOptions(nodes, blockSize, concurrencyFactor, compareUnitSize, maxDiffRows, tableFilter, equality, recheck,
                recheckTimeoutSeconds, maxLoad, maxLagSeconds, targetQuerySeconds, chosen, against, incremental);
    }

    /** The same settings comparing only {@code scope}'s node's writes (null: every row). */
    public DiffOptions scopedTo(AgainstOrigin scope) {
        return new DiffOptions(nodes, blockSize, concurrencyFactor, compareUnitSize, maxDiffRows, tableFilter, equality, recheck,
                recheckTimeoutSeconds, maxLoad, maxLagSeconds, targetQuerySeconds, columns, scope, incremental);
    }

    /** The same settings comparing only the rows changed since the last completed run (null: every row). */
    public DiffOptions incrementally(Incremental by) {
        return new DiffOptions(nodes, blockSize, concurrencyFactor, compareUnitSize, maxDiffRows, tableFilter, equality, recheck,
                recheckTimeoutSeconds, maxLoad, maxLagSeconds, targetQuerySeconds, columns, against, by);
    }

    Throttle throttle() {
        return new Throttle(maxLoad, maxLagSeconds);
    }

    /** Partitions hashed at once on this machine. */
    public int workers() {
        return Math.max(1, (int) Math.round(Runtime.getRuntime().availableProcessors() * concurrencyFactor));
    }
}
