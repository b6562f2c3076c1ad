package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.report.archive.ReportArchive;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit archive: every archived run with its files and manifest, each linked to its execution. */
@ServeOnly
@Controller
class ArchiveController {

    private static final int PAGE_SIZE = 50;

    private final ReportArchive archive;

    ArchiveController(ReportArchive archive) {
        this.archive = archive;
    }

    @GetMapping("/reports")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", archive.entries(Math.max(0, page) * PAGE_SIZE, PAGE_SIZE + 1));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("root", archive.root());
        model.addAttribute("retentionDays", archive.retentionDays());
        return "reports";
    }

    /** A file of an archive entry: HTML in place, the rest as a download. */
    @GetMapping("/reports/file")
    ResponseEntity<FileSystemResource> file(@RequestParam String entry, @RequestParam String name) {
        return ReportsController.serve(archive.file(entry, name));
    }
}
