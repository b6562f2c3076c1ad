package io.ace.operation.tablererun;

import io.ace.batch.ReportFile;
import io.ace.batch.ReportPublisher;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.difffile.DiffFileWriter;
import io.ace.report.RepairSummary;
import io.ace.report.ReportName;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes {@code <schema>_<table>_rerun-diffs-<ts>.json} with the keys that still differ, or says all resolved. */
final class RerunReportTasklet implements Tasklet {

    private final TableRerunRequest request;
    private final ClusterSessions sessions;
    private final TableShape shape;
    private final FindingsStore findings;

    RerunReportTasklet(TableRerunRequest request, ClusterSessions sessions, TableShape shape, FindingsStore findings) {
        this.request = request;
        this.sessions = sessions;
        this.shape = shape;
        this.findings = findings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instance = job.getJobInstance().getInstanceId();
        Path target = ReportName.withExtension(ReportName.of(request.outputDir(), request.table().schema(), request.table().table(),
                "rerun-diffs", List.of(".json")), ".json");
        DiffFileWriter.Result result = new DiffFileWriter(shape, 0).write(target, sessions.nodeNames(), 0,
                consumer -> findings.forEachDifference(FindingsScope.of(instance), consumer),
                r -> new RerunSummary(request.table().schema(), request.table().table(), sessions.nodeNames(),
                        request.diffFile().toAbsolutePath().toString(), r.diffRowsCount(), job.getId(), request.runKey(),
                        shape.keyColumns().isEmpty() ? RepairSummary.MULTISET : null));
        ReportPublisher.of(job).files(result.file() == null ? List.of() : List.of(new ReportFile(ReportFile.DIFF_FILE, result.file())))
                .publish(result.total(), request.table() + ": " + (result.total() == 0 ? "all differences resolved"
                        : String.format("%,d", result.total()) + (result.total() == 1 ? " row still differs (" : " rows still differ (")
                        + result.pairCountsText() + ")"));
        return RepeatStatus.FINISHED;
    }
}
