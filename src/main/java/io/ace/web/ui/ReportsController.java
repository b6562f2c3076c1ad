package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.exit.AceException;
import io.ace.batch.ReportFile;
import io.ace.web.RunActions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An execution's reports where it wrote them: the HTML in place, the diff file as a download. Only files an execution recorded are served. */
@ServeOnly
@Controller
class ReportsController {

    private final RunActions actions;

    ReportsController(RunActions actions) {
        this.actions = actions;
    }

    @GetMapping("/reports/execution/{id}/{kind}")
    ResponseEntity<FileSystemResource> executionReport(@PathVariable long id, @PathVariable String kind) {
        List<ReportFile> written = actions.execution(id).reports();
        String file = switch (kind) {
            case "html" -> ReportFile.find(written, ReportFile.HTML_REPORT);
            case "json" -> ReportFile.find(written, ReportFile.DIFF_FILE);
            default -> throw AceException.usage("unknown report kind '" + kind + "'");
        };
        if (file == null || !Files.isRegularFile(Path.of(file))) {
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
