package io.ace.web.ui;

import io.ace.schedule.Scheduler;
import io.ace.web.ServeOnly;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The scheduled jobs, their next fires, definition errors, and what each fire did. */
@ServeOnly
@Controller
class SchedulesController {

    private static final int FIRES = 100;

    private final Scheduler scheduler;

    SchedulesController(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @GetMapping("/schedules")
    String schedules(Model model) {
        model.addAttribute("schedules", scheduler.schedules());
        model.addAttribute("errors", scheduler.definitionErrors());
        model.addAttribute("fires", scheduler.recentFires(FIRES));
        model.addAttribute("scheduler", scheduler);
        return "schedules";
    }
}
