package io.ace.web.api;

import io.ace.web.ServeOnly;
import io.ace.exit.AceException;
import io.ace.report.archive.ArchiveEntry;
import io.ace.report.archive.ReportArchive;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The archived reports, newest first, each with its files' sha256 and its execution. */
@ServeOnly
@RestController
@RequestMapping("/api/v1")
public class ReportsApi {

    private final ReportArchive archive;

    public ReportsApi(ReportArchive archive) {
        this.archive = archive;
    }

    @GetMapping("/reports")
    List<ArchiveEntry> reports(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw AceException.usage("offset must be >= 0 and limit between 1 and 1000");
        }
        return archive.entries(offset, limit);
    }
}
