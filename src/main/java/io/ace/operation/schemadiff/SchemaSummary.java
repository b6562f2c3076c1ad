package io.ace.operation.schemadiff;

import io.ace.batch.ReportPublisher;
import io.ace.batch.RunTiming;
import io.ace.batch.compare.RunFacts;
import io.ace.batch.tableset.FrozenText;
import io.ace.batch.tableset.SetReport;
import io.ace.batch.tableset.TableSetOutcome;
import io.ace.cluster.ClusterSessions;
import io.ace.json.AceJson;
import io.ace.report.Fact;
import io.ace.report.HtmlReportWriter;
import io.ace.report.LineDiff;
import io.ace.report.ReportName;
import io.ace.report.SchemaReport;
import io.ace.schemadiff.SchemaComparison;
import io.ace.schemadiff.SchemaObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The run's summary: per node pair the objects each side lacks and those defined otherwise (both
 * definitions), then the tables whose data was compared; on stdout, in the JSON summary and, when
 * asked, the HTML report with a line diff of each definition that differs.
 */
final class SchemaSummary implements SetReport {

    private static final String KEY = "ace.schema.comparison";

    private final SchemaDiffRequest request;
    private final ClusterSessions sessions;
    private final JobRepository repository;
    private final HtmlReportWriter html;
    private final String version;

    SchemaSummary(SchemaDiffRequest request, ClusterSessions sessions, JobRepository repository, HtmlReportWriter html, String version) {
        this.request = request;
        this.sessions = sessions;
        this.repository = repository;
        this.html = html;
        this.version = version;
    }

    /** Freezes the comparison of definitions in the job's context: a restart reports the definitions the run compared. */
    static void freeze(JobExecution job, SchemaComparison comparison) {
        job.getExecutionContext().putString(KEY, AceJson.STATE.writeValueAsString(comparison));
    }

    /** {@code tables}: what the data comparison found, or null when only definitions were compared. */
    @Override
    public String write(JobExecution job, TableSetOutcome tables) throws Exception {
        SchemaComparison comparison = AceJson.STATE.readValue(FrozenText.read(job, repository, KEY), SchemaComparison.class);
        long differences = comparison.differences() + (tables == null ? 0 : tables.differingRows() + tables.otherFindings());
        String verdict = verdict(comparison, tables);
        RunTiming timing = RunTiming.of(job);
        SchemaDiffSummary summary = new SchemaDiffSummary(sessions.cluster().name(), request.schema(), comparison.nodes(), comparison.objects(),
                comparison.nodesWithoutSchema(), comparison.differences(), request.ddlOnly(), tables == null ? null : tables.counts(),
                timing.stamp(verdict, job, request.runKey(), version));
        SchemaDiffSummary.Document document = new SchemaDiffSummary.Document(summary,
                comparison.pairs().stream().map(SchemaDiffSummary.Pair::of).toList(), tables == null ? null : tables.lines());

        Path base = ReportName.forName(request.outputDir(), request.schema(), SchemaDiffRequest.OPERATION, List.of(".json", ".html"));
        ReportPublisher.Html page = !request.html() ? null : target -> html.writeSchemaReport(target, new SchemaReport(request.schema(),
                verdict, differences > 0 || (tables != null && !tables.unfinished().isEmpty()), timing.line(comparison.nodes()),
                nodes(comparison), pairs(comparison), tables == null ? null : tables.lines(), Fact.of(RunFacts.of(SchemaDiffRequest.OPERATION,
                sessions, "Schema", request.schema(), request.runKey(), job, version), Set.of()), "ACE " + version));
        return ReportPublisher.of(job).summary(base, document, page)
                .files(tables == null ? List.of() : tables.reportFiles(request.outputDir()))
                .publish(differences, "schema " + request.schema() + ": " + verdict + text(comparison) + (tables == null ? "" : tables.text()));
    }

    private static String verdict(SchemaComparison comparison, TableSetOutcome tables) {
        StringBuilder sb = new StringBuilder();
        int d = comparison.differences();
        sb.append(d == 0 ? "definitions identical on " + comparison.nodes().size() + " nodes" : d + " object(s) defined differently or missing");
        if (!comparison.nodesWithoutSchema().isEmpty()) {
            sb.append(" (the schema is missing on ").append(String.join(", ", comparison.nodesWithoutSchema())).append(')');
        }
        if (tables != null) {
            sb.append("; data of ").append(tables.tally());
        }
        return sb.toString();
    }

    /** The definition differences as stdout lists them: per pair, one line per object. */
    private static String text(SchemaComparison comparison) {
        StringBuilder sb = new StringBuilder();
        for (SchemaComparison.Pair p : comparison.pairs()) {
            p.onlyOnA().forEach(o -> sb.append("\n  ").append(o.kind()).append(' ').append(o.name()).append(": missing on ").append(p.b())
                    .append(" (present on ").append(p.a()).append(')'));
            p.onlyOnB().forEach(o -> sb.append("\n  ").append(o.kind()).append(' ').append(o.name()).append(": missing on ").append(p.a())
                    .append(" (present on ").append(p.b()).append(')'));
            p.changed().forEach(c -> sb.append("\n  ").append(c.kind()).append(' ').append(c.name()).append(": differs between ")
                    .append(p.a()).append(" and ").append(p.b()));
        }
        return sb.toString();
    }

    private static List<Fact> nodes(SchemaComparison comparison) {
        List<Fact> facts = new ArrayList<>();
        for (String node : comparison.nodes()) {
            Integer n = comparison.objects().get(node);
            facts.add(new Fact(node, n == null ? "does not have schema " + comparison.schema() : n + " objects"));
        }
        return facts;
    }

    private static List<SchemaReport.Pair> pairs(SchemaComparison comparison) {
        List<SchemaReport.Pair> pairs = new ArrayList<>();
        for (SchemaComparison.Pair p : comparison.pairs()) {
            pairs.add(new SchemaReport.Pair(p.a(), p.b(), objects(p.onlyOnA()), objects(p.onlyOnB()), p.changed().stream()
                    .map(c -> new SchemaReport.Changed(c.kind(), c.name(), c.definitionOnA(), c.definitionOnB(),
                            LineDiff.of(c.definitionOnA(), c.definitionOnB()))).toList()));
        }
        return pairs;
    }

    private static List<SchemaReport.Object> objects(List<SchemaObject> list) {
        return list.stream().map(o -> new SchemaReport.Object(o.kind(), o.name(), o.definition())).toList();
    }
}
