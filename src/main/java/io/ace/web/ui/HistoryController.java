package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.batch.RunQueries;
import io.ace.batch.RunView;
import io.ace.operation.OperationRegistry;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** A table over time: duration and differences found per run, as charts and as a table. */
@ServeOnly
@Controller
class HistoryController {

    private static final int RUNS = 60;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunQueries queries;
    private final OperationRegistry operations;

    HistoryController(RunQueries queries, OperationRegistry operations) {
        this.queries = queries;
        this.operations = operations;
    }

    @GetMapping("/history")
    String history(@RequestParam(defaultValue = "table-diff") String operation, @RequestParam(required = false) String cluster,
                   @RequestParam(required = false) String table, Model model) {
        List<String[]> targets = queries.targets(operation);
        if ((cluster == null || table == null) && !targets.isEmpty()) {
            cluster = targets.get(0)[0];
            table = targets.get(0)[1];
        }
        List<RunView> runs = cluster == null ? List.of() : queries.history(operation, cluster, table, RUNS);
        model.addAttribute("operation", operation);
        model.addAttribute("operations", operations.names());
        model.addAttribute("targets", targets);
        model.addAttribute("cluster", cluster);
        model.addAttribute("table", table);
        model.addAttribute("runs", runs);
        // the charts' data as JSON in an attribute: history.js draws them, no script inline in the page
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("labels", runs.stream().map(v -> v.startTime() == null ? "" : LABEL.format(v.startTime())).toList());
        trend.put("durations", runs.stream().map(v -> v.elapsed().toMillis() / 1000.0).toList());
        trend.put("differences", runs.stream().map(RunView::differences).toList());
        trend.put("ids", runs.stream().map(RunView::id).toList());
        model.addAttribute("trend", JSON.writeValueAsString(trend));
        return "history";
    }
}
