package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@ServeOnly
@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", audit.recent(Math.max(0, page) * PAGE_SIZE, PAGE_SIZE + 1));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", PAGE_SIZE);
        return "audit";
    }
}
