package io.ace.operation.tablediff;

import io.ace.batch.BatchResources;
import io.ace.batch.compare.DiffFileAssembler;
import io.ace.batch.compare.TableComparison;
import io.ace.batch.partition.PartitionedSteps;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.diff.DiffOptions;
import io.ace.diff.Equality;
import io.ace.diff.TablePreflight;
import io.ace.exit.AceException;
import io.ace.operation.OperationJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.Step;

/**
 * The table-diff job: plan (freeze the key space), hash (partitions of blocks on a bounded
 * pool, or on workers of the nodes' region), recheck (differing keys again, after pending replication), report (diff file and HTML
 * from the findings).
 */
final class TableDiffJob implements OperationJob<TableDiffRequest> {

    private final BatchResources resources;

    TableDiffJob(BatchResources resources) {
        this.resources = resources;
    }

    @Override
    public Needs prepare(TableDiffRequest request) {
        request.options().validate();
        // one session per partition worker, and one for the plan and the checks
        return new Needs(request.options().nodes(), request.options().against() == null ? null : request.options().against().node());
    }

    @Override
    public Job build(TableDiffRequest request, ClusterSessions sessions) {
        ComparedTable checked = TablePreflight.allowingMultisets().check(sessions, request.table(), request.options());
        if (checked.multiset()) {
            return multiset(request, sessions, checked);
        }
        // an incremental run scans only its window, decided now (or as its run recorded it) and frozen with the plan
        ComparedTable table = request.options().incremental() == null ? checked
                : checked.within(IncrementalWindows.resolve(resources.repository(), request, sessions, checked.shape()));
        var repository = resources.repository();
        TableComparison comparison = new TableComparison(sessions, table, request.options(), resources.findings(), resources.progress(),
                resources.failures());
        TableDiffRun run = new TableDiffRun(request, comparison, repository);
        Step plan = resources.step("plan", new PlanTasklet(run));
        Step hashPartition = resources.step("hash-partition", new HashPartitionTasklet(run));
        FrozenPlanPartitioner partitioner = new FrozenPlanPartitioner(run, resources.progress());
        Step hash = resources.partitions().step("hash", partitioner, hashPartition, resources.partitionWorkers(request.options().workers()),
                PartitionedSteps.Region.of(sessions.region()), partitioner);
        Step recheck = resources.step("recheck", new RecheckTasklet(run));
        DiffFileAssembler assembler = new DiffFileAssembler(resources.findings(), resources.html(), resources.progress(), resources.toolVersion());
        Step report = resources.step("report", new ReportTasklet(run, assembler));
        return new JobBuilder(TableDiffRequest.OPERATION, repository).listener(run).start(plan).next(hash).next(recheck).next(report).build();
    }

    /**
     * The job for a table without a key, compared as a multiset of whole rows: count (every node's
     * rows per hash bucket), narrow (after pending replication, the differing buckets' rows), report.
     * What matches rows by key, or reads only some of them, cannot apply and is refused.
     */
    private Job multiset(TableDiffRequest request, ClusterSessions sessions, ComparedTable table) {
        DiffOptions options = request.options();
        String refused = options.against() != null ? "--against-origin" : options.incremental() != null ? "--incremental-column"
                : options.equality() != Equality.EXACT ? "--equality " + options.equality().name().toLowerCase() : null;
        if (refused != null) {
            throw AceException.usage("table " + table.shape().name() + " has no primary key nor a unique index that could be one, so it is"
                    + " compared as a multiset of whole rows, where " + refused + " cannot apply: run without it, or give the table a key");
        }
        var repository = resources.repository();
        TableComparison comparison = new TableComparison(sessions, table, options, resources.findings(), resources.progress(),
                resources.failures());
        TableDiffRun run = new TableDiffRun(request, comparison, repository);
        Step count = resources.step("count", new MultisetCountTasklet(run));
        Step narrow = resources.step("narrow", new MultisetNarrowTasklet(run));
        DiffFileAssembler assembler = new DiffFileAssembler(resources.findings(), resources.html(), resources.progress(), resources.toolVersion());
        Step report = resources.step("report", new ReportTasklet(run, assembler));
        return new JobBuilder(TableDiffRequest.OPERATION, repository).listener(run).start(count).next(narrow).next(report).build();
    }
}
