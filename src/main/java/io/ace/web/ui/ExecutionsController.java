package io.ace.web.ui;

import io.ace.batch.JobControl;
import io.ace.batch.RunQueries;
import io.ace.batch.RunView;
import io.ace.exit.AceException;
import io.ace.launch.LaunchGrammar;
import io.ace.operation.Role;
import io.ace.web.RunActions;
import io.ace.web.ServeOnly;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Executions: filtered list, detail with partitions, one partition's context and attempts, and the controls. */
@ServeOnly
@Controller
class ExecutionsController {

    static final int PAGE_SIZE = 25;
    /** The statuses an execution can have, for the filter. */
    private static final List<String> STATUSES = List.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED",
            "ABANDONED", "UNKNOWN");

    private final RunQueries queries;
    private final JobControl control;
    private final RunActions actions;
    /** A button that launches an operation on the diff file an execution wrote. */
    record FollowUpLink(String operation, String label) {
    }

    private final LaunchGrammar grammar;

    ExecutionsController(RunQueries queries, JobControl control, RunActions actions, LaunchGrammar grammar) {
        this.queries = queries;
        this.control = control;
        this.actions = actions;
        this.grammar = grammar;
    }

    @GetMapping("/executions")
    String list(@RequestParam(required = false) String operation, @RequestParam(required = false) String status,
                @RequestParam(required = false) String cluster, @RequestParam(required = false) String table,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model, Authentication who) {
        RunQueries.Filter filter = new RunQueries.Filter(operation, status, cluster, table, from, to);
        RunQueries.Page found = queries.find(filter, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("found", found);
        model.addAttribute("views", found.runs().stream().map(v -> actions.shown(v, who)).toList());
        model.addAttribute("operations", grammar.operations().names());
        model.addAttribute("statuses", STATUSES);
        return "executions";
    }

    @GetMapping("/executions/{id}")
    String detail(@PathVariable long id, Model model, Authentication who) {
        RunView view = actions.shown(control.view(id), who);
        model.addAttribute("v", view);
        model.addAttribute("canOperate", actions.allowed(who, actions.roleToLaunch(view.operation())));
        model.addAttribute("canAbandon", actions.allowed(who, Role.ADMIN));
        // what the operations that work on a diff file offer, to a caller who may launch them
        model.addAttribute("followUps", grammar.operations().followUps().stream().filter(o -> actions.allowed(who, o.role()))
                .map(o -> new FollowUpLink(o.name(), o.followUp().label())).toList());
        model.addAttribute("attempts", control.attempts(id));
        return "execution";
    }

    @GetMapping("/executions/{id}/steps/{stepId}")
    String step(@PathVariable long id, @PathVariable long stepId, Model model, Authentication who) {
        JobControl.StepDetail detail = control.step(id, stepId);
        model.addAttribute("detail", actions.allowed(who, Role.ADMIN) ? detail : detail.redacted());
        return "step";
    }

    @PostMapping("/executions/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, Authentication who, RedirectAttributes flash) {
        try {
            RunActions.Answer answer = actions.act(id, action, who);
            flash.addFlashAttribute("flash", answer.message() + ".");
            return "redirect:/executions/" + answer.executionId();
        } catch (AceException | AccessDeniedException e) {
            flash.addFlashAttribute("flash", actions.toCaller(e, who));
            flash.addFlashAttribute("flashBad", true);
            return "redirect:/executions/" + id;
        }
    }
}
