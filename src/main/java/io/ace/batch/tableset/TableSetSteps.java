package io.ace.batch.tableset;

import io.ace.batch.BatchResources;
import io.ace.batch.compare.DiffFileAssembler;
import io.ace.batch.compare.TableComparison;
import io.ace.batch.partition.PartitionedSteps;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ColumnChoice;
import io.ace.diff.ColumnChoices;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.Equality;
import io.ace.diff.TablePreflight;
import io.ace.exit.AceException;
import org.springframework.batch.core.step.Step;

/**
 * The step that compares every table of a frozen {@link TableSet}: one partition per table,
 * {@code workers} tables at once, each holding one session per node at a time, so a run never
 * holds more than {@code workers} sessions per node for its tables however many there are.
 */
public final class TableSetSteps {

    /** The manager step's name; its partitions are {@code compare-table:table-NNNNN}. */
    public static final String STEP = "tables";
    static final String WORKER = "compare-table";

    private TableSetSteps() {
    }

    /**
     * Tables compared at once: the concurrency asked for, within what this process allows and
     * {@code maxConnections} (0: no limit) less the session the checks use.
     */
    public static int workers(BatchResources resources, DiffOptions options, int maxConnections) {
        int workers = resources.partitionWorkers(options.workers());
        return maxConnections > 0 ? Math.max(1, Math.min(workers, maxConnections - 1)) : workers;
    }

    /** {@code report}: writes the run's summary when the step ends, however it ended (see {@link SummaryListener}). */
    public static Step tables(BatchResources resources, ClusterSessions sessions, DiffOptions options, ColumnChoices columns,
                              DiffFileAssembler.Output output, int workers, SetReport report) {
        var repository = resources.repository();
        TableTasklet.Comparisons comparisons = entry -> {
            DiffOptions all = options.withTableFilter(entry.filter()).withColumns(ColumnChoice.ALL);
            ComparedTable table = TablePreflight.allowingMultisets().check(sessions, entry.name(), all);
            if (table.multiset() && all.equality() != Equality.EXACT) {
                throw AceException.usage("table " + entry.name() + " has no key, so it is compared as a multiset of whole rows, which"
                        + " compares exactly: run without --equality " + all.equality().name().toLowerCase() + " to compare it");
            }
            if (entry.columns() != null) {
                table = table.onColumns(entry.columns(), "the replication set");
            }
            // the run's choice of columns, within the set's column list
            ColumnChoice chosen = columns.forTable(entry.name(), table.shape().columnNames());
            return new TableComparison(sessions, chosen.apply(table), all.withColumns(chosen), resources.findings(), resources.progress(),
                    resources.failures());
        };
        TableTasklet tasklet = new TableTasklet(repository, comparisons,
                new DiffFileAssembler(resources.findings(), resources.html(), resources.progress(), resources.toolVersion()), output);
        Step worker = resources.step(WORKER, tasklet);
        TablePartitioner partitioner = new TablePartitioner(repository, resources.progress());
        return resources.partitions().step(STEP, partitioner, worker, workers, PartitionedSteps.Region.of(sessions.region()), partitioner,
                new SummaryListener(repository, report));
    }
}
