package io.ace.batch;

import io.ace.files.PrivateFiles;
import io.ace.json.AceJson;
import io.ace.report.SummaryDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;

/**
 * How every operation ends: it writes its reports (a summary file here, a diff file or a repair
 * report by their own writers), then publishes them with the run's differences and its one-line
 * outcome in the job's context, where the launcher reads its exit code and what it prints, the
 * archive the files to copy, and the UI and the API the result.
 */
public final class ReportPublisher {

    /** Renders the HTML report to a path. */
    @FunctionalInterface
    public interface Html {
        void write(Path target) throws IOException;
    }

    private final JobExecution job;
    private final List<ReportFile> files = new ArrayList<>();

    private ReportPublisher(JobExecution job) {
        this.job = job;
    }

    public static ReportPublisher of(JobExecution job) {
        return new ReportPublisher(job);
    }

    /**
     * Writes the summary file {@code <base>.json} and, when {@code html} is given, {@code <base>.html}.
     * Each appears under its name only when complete.
     */
    public ReportPublisher summary(Path base, SummaryDocument document, Html html) throws IOException {
        Path json = base.resolveSibling(base.getFileName() + ".json");
        Path partial = json.resolveSibling(json.getFileName() + ".partial");
        PrivateFiles.writeString(partial, AceJson.DOCUMENTS.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
        Files.move(partial, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        files.add(new ReportFile(ReportFile.SUMMARY, json));
        if (html != null) {
            Path page = base.resolveSibling(base.getFileName() + ".html");
            html.write(page);
            files.add(new ReportFile(ReportFile.HTML_REPORT, page));
        }
        return this;
    }

    /** Reports written by their own writers, in the order written. */
    public ReportPublisher files(List<ReportFile> written) {
        files.addAll(written);
        return this;
    }

    /**
     * Records the reports, the rows or findings that still differ (0: in sync) and the outcome
     * (its first line the verdict, the rest the detail) as the run's result; returns the outcome.
     */
    public String publish(long differences, String line) {
        RunContext context = RunContext.of(job);
        context.reports(files);
        context.differences(differences);
        context.summaryLine(line);
        return line;
    }
}
