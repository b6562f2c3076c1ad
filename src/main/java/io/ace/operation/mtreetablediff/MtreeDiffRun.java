package io.ace.operation.mtreetablediff;

import io.ace.batch.BatchResources;
import io.ace.batch.BlockFailureInjector;
import io.ace.batch.compare.TableComparison;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ColumnChoice;
import io.ace.diff.ComparedTable;
import io.ace.diff.Equality;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the steps of one mtree table-diff execution share: the request, the sessions, the table as
 * the launch checked it, and (in the job's context, so a restart finds them) what the update, the
 * comparison and the re-check found.
 */
record MtreeDiffRun(MtreeTableDiffRequest request, ClusterSessions sessions, TableShape shape) {

    /** What a step records for the later ones, each under {@code mtree.<name>} in the job's context. */
    enum Found {
        EQUALITY, COLUMNS, LEAF_SIZE, LEAVES, UPDATE, CHANGES_CAPTURED, LEAVES_REHASHED, LEAVES_SPLIT, ROWS, TREE_NODES_READ,
        MISMATCHED_LEAVES;

        String key() {
            return "mtree." + name().toLowerCase();
        }
    }

    static ExecutionContext context(JobExecution execution) {
        return execution.getExecutionContext();
    }

    /** The table compared by the rules of "equal" its trees were built with, on their columns. */
    ComparedTable table(JobExecution execution) {
        return columns(execution).apply(new ComparedTable(shape, null, Equality.valueOf(context(execution).getString(Found.EQUALITY.key()))));
    }

    /** The columns the trees were built on. */
    private static ColumnChoice columns(JobExecution execution) {
        return ColumnChoice.parse(context(execution).getString(Found.COLUMNS.key(), ""));
    }

    /** table-diff's comparison of this table, for its re-check and its diff file (the trees replace its blocks). */
    TableComparison comparison(JobExecution execution, BatchResources resources) {
        return new TableComparison(sessions, table(execution), request.options().withColumns(columns(execution)), resources.findings(),
                resources.progress(), BlockFailureInjector.NONE);
    }
}
