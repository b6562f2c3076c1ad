package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.executions.ExecutionQueries;
import io.ace.batch.ExecutionView;
import io.ace.batch.TableDiffRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A table over time: duration and differences found per run, as charts and as a table. */
@ServeOnly
@Controller
class HistoryController {

    private static final int RUNS = 60;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ExecutionQueries queries;

    HistoryController(ExecutionQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/history")
    String history(@RequestParam(defaultValue = TableDiffRequest.JOB_NAME) String operation, @RequestParam(required = false) String cluster,
                   @RequestParam(required = false) String table, Model model) {
        List<String[]> targets = queries.targets(operation);
        if ((cluster == null || table == null) && !targets.isEmpty()) {
            cluster = targets.get(0)[0];
            table = targets.get(0)[1];
        }
        List<ExecutionView> runs = cluster == null ? List.of()
                : queries.history(operation, cluster, table, RUNS).stream().map(ExecutionView::of).toList();
        model.addAttribute("operation", operation);
        model.addAttribute("operations", LaunchController.OPERATIONS);
        model.addAttribute("targets", targets);
        model.addAttribute("cluster", cluster);
        model.addAttribute("table", table);
        model.addAttribute("runs", runs);
        model.addAttribute("labels", runs.stream().map(v -> v.execution().getStartTime() == null ? "" : LABEL.format(v.execution().getStartTime())).toList());
        model.addAttribute("durations", runs.stream().map(v -> v.elapsed().toMillis() / 1000.0).toList());
        model.addAttribute("differences", runs.stream().map(ExecutionView::differences).toList());
        model.addAttribute("ids", runs.stream().map(v -> v.execution().getId()).toList());
        return "history";
    }
}
