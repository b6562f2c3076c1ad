package io.ace.operation.mtreetablediff;

import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.Equality;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the steps of one mtree table-diff execution share: the request, the sessions, the table as
 * the launch checked it, and (in the job's context, so a restart finds them) what the update and
 * the comparison found.
 */
record MtreeDiffRun(MtreeTableDiffRequest request, ClusterSessions sessions, TableShape shape) {

    static final String EQUALITY = "mtree.equality";
    static final String LEAF_SIZE = "mtree.leaf_size";
    static final String LEAVES = "mtree.leaves";
    static final String UPDATE = "mtree.update";
    static final String CAPTURED = "mtree.changes_captured";
    static final String REHASHED = "mtree.leaves_rehashed";
    static final String SPLITS = "mtree.leaves_split";
    static final String ROWS = "mtree.rows";
    static final String TREE_NODES_READ = "mtree.tree_nodes_read";
    static final String MISMATCHED = "mtree.mismatched_leaves";
    static final String TRANSIENT = "mtree.transient";
    static final String RECHECK_SECONDS = "mtree.recheck_seconds";
    static final String LAGGING = "mtree.recheck_lagging";

    static ExecutionContext context(JobExecution execution) {
        return execution.getExecutionContext();
    }

    /** The table compared by the rules of "equal" its trees were built with. */
    ComparedTable table(JobExecution execution) {
        return new ComparedTable(shape, null, Equality.valueOf(context(execution).getString(EQUALITY)));
    }
}
