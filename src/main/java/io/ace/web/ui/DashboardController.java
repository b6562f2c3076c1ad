package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.executions.ExecutionQueries;
import io.ace.batch.ExecutionView;
import io.ace.web.NodeHealthBoard;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What an operator looks at first: what runs now, how the last night went, whether the nodes answer. */
@ServeOnly
@Controller
class DashboardController {

    private static final int ETA_RUNS = 10;

    private final ExecutionQueries queries;
    private final NodeHealthBoard health;

    DashboardController(ExecutionQueries queries, NodeHealthBoard health) {
        this.queries = queries;
        this.health = health;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        List<ExecutionView> running = queries.running().stream()
                .map(e -> ExecutionView.of(e, () -> queries.earlierRuns(e, ETA_RUNS))).toList();
        LocalDate since = LocalDate.now().minusDays(1);
        // "last night's result" per table: the newest ended execution of each operation and table
        List<ExecutionView> latest = queries.latestPerTarget(since).stream().map(ExecutionView::of).toList();
        model.addAttribute("running", running);
        model.addAttribute("latest", latest);
        model.addAttribute("failures", queries.count(new ExecutionQueries.Filter(null, BatchStatus.FAILED.name(), null, null, since, null)));
        model.addAttribute("differences", latest.stream().mapToLong(ExecutionView::differences).sum());
        model.addAttribute("runs", queries.count(new ExecutionQueries.Filter(null, null, null, null, since, null)));
        NodeHealthBoard.Board board = health.board();
        model.addAttribute("health", board);
        model.addAttribute("checkedAt", LocalDateTime.ofInstant(board.checkedAt(), ZoneId.systemDefault()));
        return "dashboard";
    }
}
