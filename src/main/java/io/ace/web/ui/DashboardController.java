package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.batch.ExecutionQueries;
import io.ace.batch.ExecutionView;
import io.ace.web.NodeHealthBoard;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What an operator looks at first: what runs now, how the last night went, whether the nodes answer. */
@ServeOnly
@Controller
class DashboardController {

    private static final int RECENT = 500;

    private final ExecutionQueries queries;
    private final NodeHealthBoard health;

    DashboardController(ExecutionQueries queries, NodeHealthBoard health) {
        this.queries = queries;
        this.health = health;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        List<ExecutionView> running = queries.running().stream().map(e -> ExecutionView.of(e, queries.history(
                e.getJobInstance().getJobName(), e.getJobParameters().getString("cluster", ""),
                e.getJobParameters().getString("table", ""), 10))).toList();
        // the last day's executions, newest first: the latest per operation and table is "last night's result"
        List<ExecutionView> recent = queries.find(new ExecutionQueries.Filter(null, null, null, null,
                LocalDate.now().minusDays(1), null), 0, RECENT).executions().stream()
                .filter(e -> !e.isRunning()).map(e -> ExecutionView.of(e, List.of())).toList();
        Map<String, ExecutionView> latest = new LinkedHashMap<>();
        recent.forEach(v -> latest.putIfAbsent(v.operation() + " " + v.cluster() + " " + v.table(), v));
        model.addAttribute("running", running);
        model.addAttribute("latest", latest.values());
        model.addAttribute("failures", recent.stream().filter(v -> v.execution().getStatus() == BatchStatus.FAILED).count());
        model.addAttribute("differences", latest.values().stream().mapToLong(ExecutionView::differences).sum());
        model.addAttribute("runs", recent.size());
        NodeHealthBoard.Board board = health.board();
        model.addAttribute("health", board);
        model.addAttribute("checkedAt", LocalDateTime.ofInstant(board.checkedAt(), ZoneId.systemDefault()));
        return "dashboard";
    }
}
