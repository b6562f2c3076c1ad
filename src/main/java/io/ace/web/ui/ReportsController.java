package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.exit.AceException;
import io.ace.batch.ReportFile;
import io.ace.batch.ReportsDirectory;
import io.ace.exit.UserInput;
import io.ace.web.RunActions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An execution's reports where it wrote them: the HTML in place, the diff file as a download. Only
 * files an execution recorded are served, and only from the reports directory: the record is
 * the job repository's, which whoever can write to it can point anywhere.
 */
@ServeOnly
@Controller
class ReportsController {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsController.class);

    private final RunActions actions;
    private final ReportsDirectory reports;

    ReportsController(RunActions actions, ReportsDirectory reports) {
        this.actions = actions;
        this.reports = reports;
    }

    @GetMapping("/reports/execution/{id}/{kind}")
    ResponseEntity<FileSystemResource> executionReport(@PathVariable long id, @PathVariable String kind) {
        List<ReportFile> written = actions.execution(id).reports();
        String file = switch (kind) {
            case "html" -> ReportFile.find(written, ReportFile.HTML_REPORT);
            case "json" -> ReportFile.find(written, ReportFile.DIFF_FILE);
            default -> throw AceException.usage("unknown report kind '" + kind + "'");
        };
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        if (!reports.contains(Path.of(file))) {
            LOG.warn("execution {} records its {} report outside the reports directories ({}); not served: {}", id, kind, reports.shown(),
                    UserInput.escaped(file));
            return ResponseEntity.notFound().build();
        }
        if (!Files.isRegularFile(Path.of(file))) {
            return ResponseEntity.notFound().build();
        }
        return serve(Path.of(file));
    }

    static ResponseEntity<FileSystemResource> serve(Path file) {
        boolean html = file.getFileName().toString().endsWith(".html");
        return ResponseEntity.ok()
                .contentType(html ? MediaType.TEXT_HTML : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, (html ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(file.getFileName().toString()).build().toString())
                .body(new FileSystemResource(file));
    }
}
