package io.ace.operation.spockdiff;

import io.ace.batch.ReportPublisher;
import io.ace.batch.RunTiming;
import io.ace.batch.compare.RunFacts;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodePool;
import io.ace.report.Fact;
import io.ace.report.HtmlReportWriter;
import io.ace.report.ReplicationReport;
import io.ace.report.ReportName;
import io.ace.replication.ConfigComparison;
import io.ace.replication.ReplicationCatalog;
import io.ace.replication.ReplicationConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Reads every node's replication configuration, compares it pair by pair, and writes the summary:
 * on stdout the mismatches and hints, in the JSON every node's configuration too, and the HTML
 * report when asked.
 */
final class ConfigTasklet implements Tasklet {

    private final SpockDiffRequest request;
    private final ClusterSessions sessions;
    private final HtmlReportWriter html;
    private final String version;

    ConfigTasklet(SpockDiffRequest request, ClusterSessions sessions, HtmlReportWriter html, String version) {
        this.request = request;
        this.sessions = sessions;
        this.html = html;
        this.version = version;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        List<ReplicationConfig> configs = new ReplicationCatalog().readAll(sessions);
        ConfigComparison comparison = ConfigComparison.of(configs, sessions.pools().stream().map(NodePool::node).toList());
        String verdict = verdict(comparison);

        Map<String, String> kinds = new LinkedHashMap<>();
        configs.forEach(c -> kinds.put(c.node(), c.kind().label()));
        RunTiming timing = RunTiming.of(job);
        SpockDiffSummary summary = new SpockDiffSummary(sessions.cluster().name(), sessions.nodeNames(), kinds, comparison.mismatches().size(),
                comparison.hints().size(), timing.stamp(verdict, job, request.runKey(), version));

        StringBuilder line = new StringBuilder("replication configuration of ").append(sessions.cluster().name()).append(": ").append(verdict);
        configs.forEach(c -> line.append("\n  ").append(c.node()).append(": ").append(c.kind().label())
                .append(c.localNode() == null ? "" : " node " + c.localNode()).append(", ").append(c.subscriptions().size())
                .append(" subscription(s), ").append(c.sets().size()).append(" set(s), ").append(c.tables().size()).append(" table membership(s)"));
        comparison.mismatches().forEach(f -> line.append("\n  mismatch ").append(f.nodes()).append(": ").append(f.what()));
        comparison.hints().forEach(f -> line.append("\n  hint ").append(f.nodes()).append(": ").append(f.what()));

        Path base = ReportName.forName(request.outputDir(), sessions.cluster().name(), SpockDiffRequest.OPERATION, List.of(".json", ".html"));
        ReportPublisher.Html page = !request.html() ? null : target -> html.writeReplicationReport(target, new ReplicationReport(
                sessions.cluster().name(), verdict, !comparison.mismatches().isEmpty(), timing.line(sessions.nodeNames()), configs,
                comparison.mismatches(), comparison.hints(), Fact.of(RunFacts.of(SpockDiffRequest.OPERATION, sessions, null, null,
                request.runKey(), job, version), Set.of()), "ACE " + version));
        ReportPublisher.of(job).summary(base, new SpockDiffSummary.Document(summary, comparison.mismatches(), comparison.hints(), configs), page)
                .publish(comparison.mismatches().size(), line.toString());
        return RepeatStatus.FINISHED;
    }

    private static String verdict(ConfigComparison comparison) {
        return (comparison.mismatches().isEmpty() ? "configured alike" : comparison.mismatches().size() + " mismatch(es)")
                + (comparison.hints().isEmpty() ? "" : ", " + comparison.hints().size() + " hint(s)");
    }
}
