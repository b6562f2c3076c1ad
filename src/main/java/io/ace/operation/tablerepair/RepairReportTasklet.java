package io.ace.operation.tablerepair;

import io.ace.batch.ReportFile;
import io.ace.batch.RunContext;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.report.HtmlReportWriter;
import io.ace.report.RepairReport;
import io.ace.report.ReportName;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import tools.jackson.databind.json.JsonMapper;

/** Last step of a repair: the summary per node, and with --generate-report the repair report (JSON and HTML). */
final class RepairReportTasklet implements Tasklet {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final TableRepairRequest request;
    private final List<String> targets;
    private final List<String> nodes;
    private final FindingsStore findings;
    private final HtmlReportWriter html;
    private final JobRepository repository;

    RepairReportTasklet(TableRepairRequest request, List<String> targets, List<String> nodes, FindingsStore findings,
                        HtmlReportWriter html, JobRepository repository) {
        this.repository = repository;
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
            for (String k : new String[] {"insert", "update", "delete", "stale", "already"}) {
                counts.put(k, c.getLong(k, 0L));
            }
            perNode.put(node, counts);
            if (c.containsKey("statements.file")) {
                statementFiles.add(c.getString("statements.file"));
            }
        }
        ExecutionContext context = job.getExecutionContext();
        RunContext run = RunContext.of(job);
        long still = context.getLong(RepairVerifyTasklet.STILL_DIFFERING, 0L);
        StringBuilder line = new StringBuilder(request.table() + (request.options().dryRun() ? " repair DRY RUN (nothing changed), " : " repair, ")
                + request.options().mode() + (request.options().sourceOfTruth() == null ? "" : " from " + request.options().sourceOfTruth()) + ": ");
        perNode.forEach((node, c) -> line.append(node).append(' ')
                .append(request.options().dryRun() ? "would insert " : "inserted ").append(c.get("insert"))
                .append(request.options().dryRun() ? ", would update " : ", updated ").append(c.get("update"))
                .append(request.options().dryRun() ? ", would delete " : ", deleted ").append(c.get("delete"))
                .append(", stale ").append(c.get("stale")).append(", already in place ").append(c.get("already")).append("; "));
        if (!request.options().dryRun()) {
            line.append(context.getLong(RepairVerifyTasklet.VERIFIED, 0L)).append(" keys verified identical on ")
                    .append(String.join(", ", nodes)).append(still == 0 ? "" : "; " + still + " keys still differ");
        }
        List<ReportFile> written = new ArrayList<>();
        if (request.generateReport() || request.options().dryRun()) {
            Path base = writeReport(job, perNode, still);
            written.add(new ReportFile(ReportFile.REPAIR_REPORT, ReportName.withExtension(base, ".json")));
            written.add(new ReportFile(ReportFile.HTML_REPORT, ReportName.withExtension(base, ".html")));
        }
        statementFiles.forEach(file -> written.add(new ReportFile(ReportFile.STATEMENTS, Path.of(file))));
        run.reports(written);
        run.summaryLine(line.toString());
        run.differences(request.options().dryRun() ? 0 : still);
        return RepeatStatus.FINISHED;
    }

    private StepExecution lastApply(JobExecution job, String node) {
        String name = "repair-node:node-" + node;
        return job.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst()
                .orElseGet(() -> repository.getLastStepExecution(job.getJobInstance(), name));
    }

    /** Writes the repair report's JSON and HTML; returns their base path (no extension). */
    private Path writeReport(JobExecution job, Map<String, Map<String, Long>> perNode, long still) throws Exception {
        Path base = ReportName.of(request.outputDir(), request.table().schema(), request.table().table(), "repair", List.of(".json", ".html"));
        Path json = ReportName.withExtension(base, ".json");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("schema", request.table().schema());
        summary.put("table", request.table().table());
        summary.put("mode", request.options().mode());
        summary.put("source_of_truth", request.options().sourceOfTruth());
        summary.put("dry_run", request.options().dryRun());
        summary.put("fire_triggers", request.options().fireTriggers());
        summary.put("diff_file", request.diffFile().toAbsolutePath().toString());
        summary.put("diff_file_sha256", request.diffSha256());
        summary.put("per_node", perNode);
        summary.put("keys_still_differing", still);
        summary.put("job_execution_id", job.getId());
        summary.put("run_key", request.runKey());
        List<String> listed = new ArrayList<>();
        long[] total = {0};
        try (BufferedWriter out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            out.write("{\"summary\":" + MAPPER.writeValueAsString(summary) + ",\"changes\":[");
            findings.forEachChange(FindingsScope.of(job.getJobInstance().getInstanceId()), record -> {
                try {
                    out.write((total[0] == 0 ? "" : ",") + record);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                total[0]++;
                if (listed.size() < request.maxHtmlRows()) {
                    listed.add(record);
                }
            });
            out.write("]}\n");
        }
        html.writeRepairReport(ReportName.withExtension(base, ".html"), RepairReport.of(summary, perNode, listed, total[0],
                request.maxHtmlRows()));
        return base;
    }
}
