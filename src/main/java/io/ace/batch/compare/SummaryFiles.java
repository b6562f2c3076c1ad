package io.ace.batch.compare;

import io.ace.files.PrivateFiles;
import io.ace.batch.ReportFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary reports of an operation on more than one table (a replication set, a schema, the
 * replication configuration): {@code <base>.json} always, {@code <base>.html} when asked for. Each
 * file appears under its name only when complete.
 */
public final class SummaryFiles {

    /** Renders the HTML report to a path. */
    @FunctionalInterface
    public interface Html {
        void write(Path target) throws IOException;
    }

    /** Records (a node's configuration, a finding) with the same snake_case names as the rest of the JSON. */
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private SummaryFiles() {
    }

    /** When a run started, and how long it has taken until now, as its reports state them. */
    public record Timing(LocalDateTime started, String took) {

        public static Timing of(JobExecution job) {
            LocalDateTime started = job.getStartTime() == null ? LocalDateTime.now() : job.getStartTime();
            return new Timing(started, String.format(Locale.ROOT, "%.1fs", Duration.between(started, LocalDateTime.now()).toMillis() / 1000.0));
        }

        /** {@code n1, n2 compared · started ... · took ...}. */
        public String line(List<String> nodes) {
            return String.join(", ", nodes) + " compared · started " + started + " · took " + took;
        }
    }

    /** The fields every summary ends with: its verdict, when, which execution and run key, which version. */
    public static void addRun(Map<String, Object> summary, String verdict, Timing timing, JobExecution job, String runKey, String version) {
        summary.put("verdict", verdict);
        summary.put("start_time", timing.started().toString());
        summary.put("time_taken", timing.took());
        summary.put("job_execution_id", job.getId());
        summary.put("run_key", runKey);
        summary.put("tool_version", version);
    }

    public static List<ReportFile> write(Path base, Map<String, Object> json, Html html) throws IOException {
        List<ReportFile> written = new ArrayList<>();
        Path jsonPath = base.resolveSibling(base.getFileName() + ".json");
        Path partial = jsonPath.resolveSibling(jsonPath.getFileName() + ".partial");
        PrivateFiles.writeString(partial, MAPPER.writeValueAsString(json) + "\n");
        Files.move(partial, jsonPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.add(new ReportFile(ReportFile.SUMMARY, jsonPath));
        if (html != null) {
            Path htmlPath = base.resolveSibling(base.getFileName() + ".html");
            html.write(htmlPath);
            written.add(new ReportFile(ReportFile.HTML_REPORT, htmlPath));
        }
        return written;
    }
}
