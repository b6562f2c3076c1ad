package io.ace.web.ui;

import io.ace.batch.Workers;
import io.ace.web.ServeOnly;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The worker processes of the job repository: where each runs, its region, heartbeat, and the partitions it runs now. */
@ServeOnly
@Controller
class WorkersController {

    private final Workers workers;

    WorkersController(Workers workers) {
        this.workers = workers;
    }

    @GetMapping("/workers")
    String workers(Model model) {
        model.addAttribute("workers", workers.list());
        return "workers";
    }
}
