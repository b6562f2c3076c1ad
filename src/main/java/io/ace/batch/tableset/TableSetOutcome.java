package io.ace.batch.tableset;

import io.ace.difffile.DiffFileWriter;
import io.ace.batch.ReportFile;
import io.ace.diff.TableSurvey;
import io.ace.report.TableLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Every table of a run that compares many, as the run left it: each compared table's latest
 * partition, from this execution or an earlier one of the same run (a restart compares only the
 * tables that did not complete), and the tables that were not compared with their reason.
 *
 * @param lines          one per table, in the set's order
 * @param differingRows  differing rows over all tables
 */
public record TableSetOutcome(List<TableLine> lines, long differingRows) {

    /** Every status a table's line may have, in the order summaries count them. */
    private static final List<String> STATUSES = List.of("identical", "differed", "missing", "definition differs", "skipped",
            "not replicated", "error", "not compared");

    /** How many tables have each status, and the differing rows, as summaries count them. */
    public record Counts(long identical, long differed, long missing, long definitionDiffers, long skipped, long notReplicated, long error,
                         long notCompared, long diffRows) {
    }

    public static TableSetOutcome of(JobExecution job, JobRepository repository) {
        TableSet set = TableSet.of(job, repository);
        Map<String, StepExecution> latest = new HashMap<>();
        List<StepExecution> all = new ArrayList<>(job.getStepExecutions());
        for (JobExecution earlier : repository.getJobExecutions(job.getJobInstance())) {
            if (earlier.getId() != job.getId()) {
                all.addAll(earlier.getStepExecutions());
            }
        }
        all.stream().filter(s -> s.getStepName().startsWith(TableSetSteps.WORKER + ":")).sorted(Comparator.comparingLong(StepExecution::getId))
                .forEach(s -> latest.put(s.getStepName(), s));
        List<TableLine> lines = new ArrayList<>();
        long rows = 0;
        for (int i = 0; i < set.tables().size(); i++) {
            TableEntry entry = set.tables().get(i);
            TableLine line = entry.compared() ? compared(entry, latest.get(TableSetSteps.WORKER + ":" + TablePartitioner.name(i)))
                    : new TableLine(entry.name().toString(), status(entry.kind()), entry.kind() == TableSurvey.Kind.MISSING
                            ? "missing on " + entry.reason() : entry.reason(), entry.note(), Map.of(), null, null);
            lines.add(line);
        }
        for (TableLine line : lines) {
            rows += line.pairs().values().stream().mapToLong(Long::longValue).sum();
        }
        return new TableSetOutcome(lines, rows);
    }

    private static TableLine compared(TableEntry entry, StepExecution step) {
        String table = entry.name().toString();
        TableResult result = step == null ? null : TableResult.from(step.getExecutionContext());
        if (step != null && step.getStatus() == BatchStatus.COMPLETED && result != null) {
            return new TableLine(table, result.differingRows() > 0 ? "differed" : "identical", result.line(), entry.note(),
                    new LinkedHashMap<>(result.pairs()), fileName(result.diffFile()), fileName(result.htmlFile()));
        }
        if (step == null || step.getStatus() == BatchStatus.STOPPED) {
            return new TableLine(table, "not compared", "the run stopped before this table was compared", entry.note(), Map.of(), null, null);
        }
        return new TableLine(table, "error", error(table, step), entry.note(), Map.of(), null, null);
    }

    /** The partition's failure as {@link TableFailure} words it; from an earlier execution, the first line of its record. */
    private static String error(String table, StepExecution step) {
        Throwable first = step.getFailureExceptions().stream().findFirst().orElse(null);
        if (first != null) {
            return first.getMessage();
        }
        String description = step.getExitStatus().getExitDescription();
        String line = description == null ? "" : description.lines().findFirst().orElse("");
        // a recorded failure starts with its exception's class name
        line = line.replaceFirst("^[\\w.$]+(Exception|Error|Failure): ", "");
        return line.isBlank() ? "comparing " + table + " failed (" + step.getStatus() + ")" : line;
    }

    private static String status(TableSurvey.Kind kind) {
        return switch (kind) {
            case MISSING -> "missing";
            case NOT_REPLICATED -> "not replicated";
            case DEFINITION_DIFFERS -> "definition differs";
            default -> "skipped";
        };
    }

    private static String fileName(String path) {
        return path == null ? null : Path.of(path).getFileName().toString();
    }

    /** The diff file and HTML report of each table that wrote them, in the output directory the run wrote them to. */
    public List<ReportFile> reportFiles(Path outputDir) {
        List<ReportFile> files = new ArrayList<>();
        for (TableLine l : lines) {
            if (l.diffFile() != null) {
                files.add(new ReportFile(ReportFile.DIFF_FILE, outputDir.toAbsolutePath().resolve(l.diffFile())));
            }
            if (l.htmlFile() != null) {
                files.add(new ReportFile(ReportFile.TABLE_REPORT, outputDir.toAbsolutePath().resolve(l.htmlFile())));
            }
        }
        return files;
    }

    /** Tables whose comparison failed or never ran: the run must end failed, to be resumed. */
    public List<TableLine> unfinished() {
        return lines.stream().filter(l -> l.status().equals("error") || l.status().equals("not compared")).toList();
    }

    public Counts counts() {
        return new Counts(count("identical"), count("differed"), count("missing"), count("definition differs"), count("skipped"),
                count("not replicated"), count("error"), count("not compared"), differingRows);
    }

    /** Tables with a finding besides differing rows: a node lacks the table, its definition differs, or its note (set membership differs). */
    public long otherFindings() {
        return lines.stream().filter(l -> l.status().equals("missing") || l.status().equals("definition differs") || l.note() != null).count();
    }

    public long count(String status) {
        return lines.stream().filter(l -> l.status().equals(status)).count();
    }

    /** The tables counted by status, as verdicts say it: {@code 3 table(s): 1 identical, 1 differed (2 rows), 1 missing}. */
    public String tally() {
        StringBuilder sb = new StringBuilder();
        sb.append(lines.size()).append(" table(s): ").append(count("identical")).append(" identical, ").append(count("differed"))
                .append(" differed (").append(String.format("%,d", differingRows)).append(" rows)");
        for (String status : STATUSES.subList(2, STATUSES.size())) {
            long n = count(status);
            if (n > 0) {
                sb.append(", ").append(n).append(' ').append(status);
            }
        }
        return sb.toString();
    }

    /** The tables as the summary on stdout lists them, one line each. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (TableLine l : lines) {
            sb.append("\n  ").append(l.table()).append(": ").append(l.status());
            if (l.status().equals("differed")) {
                sb.append(" (").append(DiffFileWriter.Result.countsText(l.pairs())).append(")");
            } else if (!l.status().equals("identical") && l.detail() != null && !l.detail().isEmpty()) {
                sb.append(" (").append(l.detail()).append(")");
            }
            if (l.note() != null) {
                sb.append("; ").append(l.note());
            }
        }
        return sb.toString();
    }
}
