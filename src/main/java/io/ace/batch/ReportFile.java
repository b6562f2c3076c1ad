package io.ace.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A report file a run wrote.
 *
 * @param label what the file is, as the command line prints it ({@code diff file}, {@code report}, ...)
 * @param path  the file
 */
public record ReportFile(String label, Path path) {

    public static final String DIFF_FILE = "diff file";
    public static final String HTML_REPORT = "report";
    public static final String REPAIR_REPORT = "repair report";
    public static final String STATEMENTS = "statements";

    /** Every report file an execution recorded (diff file, HTML report, repair report, dry-run statements); none when it wrote none. */
    public static List<ReportFile> written(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        List<ReportFile> files = new ArrayList<>();
        add(files, DIFF_FILE, context.getString(ReportTasklet.DIFF_FILE, null));
        add(files, REPAIR_REPORT, context.getString(RepairReportTasklet.REPORT_FILE, null));
        add(files, HTML_REPORT, context.getString(ReportTasklet.HTML_FILE, null));
        for (String statements : context.getString(RepairReportTasklet.STATEMENT_FILES, "").lines().toList()) {
            add(files, STATEMENTS, statements);
        }
        return files;
    }

    /** The path of the first file with this label, or null. */
    public static String find(List<ReportFile> files, String label) {
        return files.stream().filter(f -> f.label().equals(label)).findFirst().map(f -> f.path().toString()).orElse(null);
    }

    private static void add(List<ReportFile> files, String label, String path) {
        if (path != null) {
            files.add(new ReportFile(label, Path.of(path)));
        }
    }
}
