package io.ace.operation.tablererun;

import io.ace.batch.BatchResources;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.ComparedTable;
import io.ace.difffile.DiffFileCheck;
import io.ace.difffile.DiffFileDigest;
import io.ace.difffile.DiffFileReader;
import io.ace.operation.DiffFileTable;
import io.ace.operation.OperationJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;

/** The table-rerun job: recheck (batches of keys), report. */
final class TableRerunJob implements OperationJob<TableRerunRequest> {

    private final BatchResources resources;

    TableRerunJob(BatchResources resources) {
        this.resources = resources;
    }

    @Override
    public Needs prepare(TableRerunRequest request) {
        DiffFileDigest.verify(request.diffFile(), request.diffSha256());
        return new Needs(new DiffFileReader(request.diffFile()).nodesOf(request.table()));
    }

    @Override
    public Job build(TableRerunRequest request, ClusterSessions sessions) {
        ComparedTable table = DiffFileTable.of(sessions, request.table(), request.diffFile()).compared();
        DiffFileCheck.check(request.diffFile(), sessions, table.shape());
        var repository = resources.repository();
        RerunTasklet recheck = new RerunTasklet(request, sessions, table, resources.findings());
        return new JobBuilder(TableRerunRequest.OPERATION, repository)
                .start(resources.step("recheck", recheck))
                .next(resources.step("report", new RerunReportTasklet(request, sessions, table.shape(), resources.findings())))
                .build();
    }
}
