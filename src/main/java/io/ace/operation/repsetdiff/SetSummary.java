package io.ace.operation.repsetdiff;

import io.ace.batch.ReportPublisher;
import io.ace.batch.RunTiming;
import io.ace.batch.compare.RunFacts;
import io.ace.batch.tableset.SetReport;
import io.ace.batch.tableset.TableSet;
import io.ace.batch.tableset.TableSetOutcome;
import io.ace.cluster.ClusterSessions;
import io.ace.report.Fact;
import io.ace.report.HtmlReportWriter;
import io.ace.report.ReportName;
import io.ace.report.TableSetReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The run's summary, written when its tables step ends however it ended: one line per table of the
 * set (from every execution of the run), on stdout, in the JSON summary and, when asked, the HTML
 * report; the nodes that do not define the set.
 */
final class SetSummary implements SetReport {

    private final RepsetDiffRequest request;
    private final ClusterSessions sessions;
    private final JobRepository repository;
    private final HtmlReportWriter html;
    private final String version;

    SetSummary(RepsetDiffRequest request, ClusterSessions sessions, JobRepository repository, HtmlReportWriter html, String version) {
        this.request = request;
        this.sessions = sessions;
        this.repository = repository;
        this.html = html;
        this.version = version;
    }

    @Override
    public String write(JobExecution job, TableSetOutcome outcome) throws Exception {
        TableSet set = TableSet.of(job, repository);
        List<String> lacking = set.facts().entrySet().stream().filter(e -> e.getValue().contains("does not define")).map(Map.Entry::getKey)
                .toList();
        // what makes the run report differences (exit 1): rows, and tables or nodes whose set differs
        long differences = outcome.differingRows() + outcome.otherFindings() + lacking.size();
        String verdict = verdict(outcome, lacking);
        RunTiming timing = RunTiming.of(job);
        RepsetDiffSummary summary = new RepsetDiffSummary(sessions.cluster().name(), request.set(), sessions.nodeNames(), set.facts(), lacking,
                set.tables().size(), outcome.counts(), timing.stamp(verdict, job, request.runKey(), version));

        Path base = ReportName.forName(request.outputDir(), request.set(), RepsetDiffRequest.OPERATION, List.of(".json", ".html"));
        Map<String, String> run = RunFacts.of(RepsetDiffRequest.OPERATION, sessions, "Replication set", request.set(), request.runKey(), job,
                version);
        ReportPublisher.Html page = !request.html() ? null : target -> html.writeTableSetReport(target, new TableSetReport(
                RepsetDiffRequest.OPERATION, request.set(), verdict, differences > 0 || !outcome.unfinished().isEmpty(),
                timing.line(sessions.nodeNames()), Fact.of(set.facts(), Set.of()), outcome.lines(), Fact.of(run, Set.of()), "ACE " + version));
        return ReportPublisher.of(job).summary(base, new RepsetDiffSummary.Document(summary, outcome.lines()), page)
                .files(outcome.reportFiles(request.outputDir()))
                .publish(differences, "replication set " + request.set() + ": " + verdict + outcome.text());
    }

    private static String verdict(TableSetOutcome outcome, List<String> lacking) {
        StringBuilder sb = new StringBuilder(outcome.tally());
        long notes = outcome.lines().stream().filter(l -> l.note() != null).count();
        if (notes > 0) {
            sb.append("; membership differs for ").append(notes);
        }
        if (!lacking.isEmpty()) {
            sb.append("; the set is not defined on ").append(String.join(", ", lacking));
        }
        return sb.toString();
    }
}
