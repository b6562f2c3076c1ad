package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.exit.AceException;
import io.ace.batch.RunView;
import io.ace.launch.LaunchFields;
import io.ace.launch.LaunchGrammar;
import io.ace.web.RunActions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The launch form of each operation, built from the command line's own flags, so the form has
 * every flag and checks it the same way; it shows the equivalent command for a scheduler.
 */
@ServeOnly
@Controller
class LaunchController {

    private static final String FIELD = "f_";

    private final LaunchGrammar grammar;
    private final RunActions actions;

    LaunchController(LaunchGrammar grammar, RunActions actions) {
        this.grammar = grammar;
        this.actions = actions;
    }

    /** {@code execution}: prefill a repair or rerun with that execution's diff file. */
    @GetMapping("/launch")
    String form(@RequestParam(defaultValue = "table-diff") String operation, @RequestParam(required = false) Long execution,
                Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        String cluster = "";
        String table = "";
        if (execution != null) {
            RunView e = actions.execution(execution);
            cluster = e.cluster();
            table = e.target();
            if (e.diffFile() != null) {
                values.put("from-execution", Long.toString(execution));
            }
        }
        return render(model, operation, cluster, table, values, null);
    }

    @PostMapping("/launch")
    String launch(@RequestParam String operation, @RequestParam(defaultValue = "") String cluster, @RequestParam(defaultValue = "") String table,
                  @RequestParam Map<String, String> form, Authentication who, Model model, RedirectAttributes flash) {
        Map<String, Object> flags = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(FIELD) && !v.isBlank()) {
                String name = k.substring(FIELD.length());
                values.put(name, v.strip());
                flags.put(name, v.strip());
            }
        });
        try {
            grammar.operations().get(operation);
            RunActions.Answer launched = actions.launch(new LaunchFields(operation, cluster.strip(), table.strip(), flags), who);
            flash.addFlashAttribute("flash", launched.message());
            return "redirect:/executions/" + launched.executionId();
        } catch (AceException | AccessDeniedException e) {
            return render(model, operation, cluster, table, values, actions.toCaller(e, who));
        }
    }

    private String render(Model model, String operation, String cluster, String table, Map<String, String> values, String error) {
        model.addAttribute("operations", grammar.operations().names());
        model.addAttribute("operation", operation);
        model.addAttribute("fields", grammar.fields(operation));
        model.addAttribute("cluster", cluster);
        model.addAttribute("table", table);
        // what the operation works on, as its command line names it; none for an operation on the whole cluster
        model.addAttribute("targetLabel", grammar.targetLabel(operation));
        model.addAttribute("values", values);
        if (error != null) {
            model.addAttribute("flash", error);
            model.addAttribute("flashBad", true);
        }
        return "launch";
    }
}
