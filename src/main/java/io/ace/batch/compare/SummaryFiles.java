package io.ace.batch.compare;

import io.ace.batch.ReportFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    public static List<ReportFile> write(Path base, Map<String, Object> json, Html html) throws IOException {
        List<ReportFile> written = new ArrayList<>();
        Path jsonPath = base.resolveSibling(base.getFileName() + ".json");
        Path partial = jsonPath.resolveSibling(jsonPath.getFileName() + ".partial");
        Files.writeString(partial, MAPPER.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
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
