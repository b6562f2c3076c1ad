package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.exit.AceException;
import io.ace.executions.ExecutionQueries;
import io.ace.batch.ExecutionView;
import io.ace.batch.TableDiffRequest;
import io.ace.batch.TableRepairRequest;
import io.ace.batch.TableRerunRequest;
import io.ace.web.RunActions;
import io.ace.web.security.Role;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
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
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Executions: filtered list, detail with partitions, one partition's context and attempts, and the controls. */
@ServeOnly
@Controller
class ExecutionsController {

    static final int PAGE_SIZE = 25;
    static final int ETA_RUNS = 20;
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ExecutionQueries queries;
    private final JobRepository repository;
    private final RunActions actions;

    ExecutionsController(ExecutionQueries queries, JobRepository repository, RunActions actions) {
        this.queries = queries;
        this.repository = repository;
        this.actions = actions;
    }

    @GetMapping("/executions")
    String list(@RequestParam(required = false) String operation, @RequestParam(required = false) String status,
                @RequestParam(required = false) String cluster, @RequestParam(required = false) String table,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        ExecutionQueries.Filter filter = new ExecutionQueries.Filter(operation, status, cluster, table, from, to);
        ExecutionQueries.Page found = queries.find(filter, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("found", found);
        model.addAttribute("views", found.executions().stream().map(ExecutionView::of).toList());
        model.addAttribute("operations", List.of(TableDiffRequest.JOB_NAME, TableRerunRequest.JOB_NAME, TableRepairRequest.JOB_NAME));
        model.addAttribute("statuses", BatchStatus.values());
        return "executions";
    }

    @GetMapping("/executions/{id}")
    String detail(@PathVariable long id, Model model, Authentication who) {
        JobExecution e = actions.execution(id);
        ExecutionView view = ExecutionView.of(e, () -> queries.earlierRuns(e, ETA_RUNS));
        model.addAttribute("v", view);
        model.addAttribute("canOperate", actions.allowed(who, Role.toLaunch(view.operation())));
        model.addAttribute("canAbandon", actions.allowed(who, Role.ADMIN));
        model.addAttribute("canRepair", actions.allowed(who, Role.ADMIN));
        model.addAttribute("attempts", repository.getJobExecutions(e.getJobInstance()).stream()
                .sorted(Comparator.comparing(JobExecution::getId)).toList());
        return "execution";
    }

    @GetMapping("/executions/{id}/steps/{stepId}")
    String step(@PathVariable long id, @PathVariable long stepId, Model model) {
        JobExecution e = actions.execution(id);
        StepExecution step = e.getStepExecutions().stream().filter(s -> s.getId() == stepId).findFirst()
                .orElseThrow(() -> AceException.usage("execution " + id + " has no step execution " + stepId));
        // the same partition in every execution of this run: how it fared on each attempt
        List<StepExecution> attempts = repository.getJobExecutions(e.getJobInstance()).stream()
                .sorted(Comparator.comparing(JobExecution::getId))
                .flatMap(x -> x.getStepExecutions().stream().filter(s -> s.getStepName().equals(step.getStepName()))).toList();
        model.addAttribute("execution", e);
        model.addAttribute("step", step);
        model.addAttribute("context", PRETTY.writeValueAsString(step.getExecutionContext().toMap()));
        model.addAttribute("errors", step.getFailureExceptions().stream().map(ExecutionView::stackTrace).toList());
        model.addAttribute("attempts", attempts);
        return "step";
    }

    @PostMapping("/executions/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, Authentication who, RedirectAttributes flash) {
        try {
            RunActions.Answer answer = actions.act(id, action, who);
            flash.addFlashAttribute("flash", answer.message() + ".");
            return "redirect:/executions/" + answer.executionId();
        } catch (AceException | AccessDeniedException e) {
            flash.addFlashAttribute("flash", e.getMessage());
            flash.addFlashAttribute("flashBad", true);
            return "redirect:/executions/" + id;
        }
    }
}
