package io.ace.operation.tablerepair;

import io.ace.batch.ReportFile;
import io.ace.batch.ReportPublisher;
import io.ace.batch.RunContext;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.repair.RecoverySource;
import io.ace.report.HtmlReportWriter;
import io.ace.report.RepairReportFiles;
import io.ace.report.RepairSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Last step of a repair: the summary per node, and with --generate-report the repair report (JSON and HTML). */
final class RepairReportTasklet implements Tasklet {

    private final TableRepairRequest request;
    private final List<String> targets;
    private final List<String> nodes;
    private final FindingsStore findings;
    private final HtmlReportWriter html;
    private final JobRepository repository;
    private final String keyIndex;
    private final List<String> notCompared;
    private final RecoverySource recovery;

    /**
     * @param keyIndex    the index whose columns rows were matched by, described; null for a multiset (a table without
     *                    a key, whose rows are matched by every column)
     * @param notCompared the table's columns the diff file did not compare by choice, null when it compared them all
     * @param recovery    how a recovery chose its source, null when the repair is none
     */
    RepairReportTasklet(TableRepairRequest request, List<String> targets, List<String> nodes, FindingsStore findings,
                        HtmlReportWriter html, JobRepository repository, String keyIndex, List<String> notCompared, RecoverySource recovery) {
        this.recovery = recovery;
        this.repository = repository;
        this.keyIndex = keyIndex;
        this.notCompared = notCompared;
        this.request = request;
        this.targets = targets;
        this.nodes = nodes;
        this.findings = findings;
        this.html = html;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        Map<String, Map<String, Long>> perNode = new LinkedHashMap<>();
        List<String> statementFiles = new ArrayList<>();
        for (String node : targets) {
            ExecutionContext c = lastApply(job, node).getExecutionContext();
            Map<String, Long> counts = new LinkedHashMap<>();
            // a multiset's copies are inserted or deleted, never updated
            RepairSummary.COUNTS.stream().filter(k -> keyIndex != null || !k.equals("update")).forEach(k -> counts.put(k, c.getLong(k, 0L)));
            perNode.put(node, counts);
            if (c.containsKey("statements.file")) {
                statementFiles.add(c.getString("statements.file"));
            }
        }
        ExecutionContext context = job.getExecutionContext();
        var options = request.options();
        RepairSummary summary = new RepairSummary(request.table(), options.mode().label(), options.sourceOfTruth(), options.dryRun(),
                options.fireTriggers(), request.diffFile().toAbsolutePath().toString(), request.diffSha256(), perNode,
                context.getLong(RepairVerifyTasklet.VERIFIED, 0L),
                options.dryRun() ? null : context.getLong(RepairVerifyTasklet.STILL_DIFFERING, 0L), nodes, job.getId(),
                request.runKey(), keyIndex, notCompared, recovery == null ? null
                : new RepairSummary.Recovery(recovery.failedNode(), recovery.source(), recovery.chosenBy(), recovery.applied()),
                options.preserveOrigin(), keyIndex == null ? RepairSummary.MULTISET : null);
        List<ReportFile> written = new ArrayList<>();
        if (request.generateReport() || options.dryRun()) {
            RepairReportFiles.Written files = new RepairReportFiles(html).write(request.outputDir(), summary,
                    consumer -> findings.forEachChange(FindingsScope.of(job.getJobInstance().getInstanceId()), consumer),
                    request.maxHtmlRows());
            written.add(new ReportFile(ReportFile.REPAIR_REPORT, files.json()));
            written.add(new ReportFile(ReportFile.HTML_REPORT, files.html()));
        }
        statementFiles.forEach(file -> written.add(new ReportFile(ReportFile.STATEMENTS, Path.of(file))));
        // a stale change leaves the run unresolved even when its key is now alike everywhere (a row the source never had);
        // a dry run wrote nothing: what it planned still differs
        if (options.dryRun()) {
            RunContext.of(job).dryRun();
        }
        ReportPublisher.of(job).files(written)
                .publish(options.dryRun() ? summary.plannedChanges() : Math.max(summary.keysStillDiffering(), summary.stale()), summary.line());
        return RepeatStatus.FINISHED;
    }

    private StepExecution lastApply(JobExecution job, String node) {
        String name = "repair-node:node-" + node;
        return job.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst()
                .orElseGet(() -> repository.getLastStepExecution(job.getJobInstance(), name));
    }
}
