package io.ace.web.ui;

import io.ace.json.AceJson;
import io.ace.web.ServeOnly;
import io.ace.batch.RunQueries;
import io.ace.batch.RunView;
import io.ace.operation.OperationRegistry;
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

    /** The charts' data, one entry per run: its start, how long it took, what differed, which execution. */
    private record Trend(List<String> labels, List<Double> durations, List<Long> differences, List<Long> ids) {
    }

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
        Trend trend = new Trend(runs.stream().map(v -> v.startTime() == null ? "" : LABEL.format(v.startTime())).toList(),
                runs.stream().map(v -> v.elapsed().toMillis() / 1000.0).toList(), runs.stream().map(RunView::differences).toList(),
                runs.stream().map(RunView::id).toList());
        model.addAttribute("trend", AceJson.DOCUMENTS.writeValueAsString(trend));
        return "history";
    }
}
