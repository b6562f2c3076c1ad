package io.ace.web.ui;

import io.ace.web.ServeOnly;
import io.ace.batch.RunQueries;
import io.ace.batch.RunSubmitter;
import io.ace.batch.RunView;
import io.ace.web.RunActions;
import org.springframework.security.core.Authentication;
import io.ace.web.NodeHealthBoard;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What an operator looks at first: what runs now, how the last night went, whether the nodes answer. */
@ServeOnly
@Controller
class DashboardController {

    private static final int ETA_RUNS = 10;

    private final RunQueries queries;
    private final NodeHealthBoard health;
    private final RunActions actions;
    private final RunSubmitter submitter;

    DashboardController(RunQueries queries, NodeHealthBoard health, RunActions actions, RunSubmitter submitter) {
        this.queries = queries;
        this.health = health;
        this.actions = actions;
        this.submitter = submitter;
    }

    @GetMapping("/")
    String dashboard(Model model, Authentication who) {
        List<RunView> running = queries.running(ETA_RUNS).stream().map(v -> actions.shown(v, who)).toList();
        LocalDate since = LocalDate.now().minusDays(1);
        // "last night's result" per table: the newest ended execution of each operation and table
        List<RunView> latest = queries.latestPerTarget(since).stream().map(v -> actions.shown(v, who)).toList();
        model.addAttribute("running", running);
        model.addAttribute("load", submitter.load());
        model.addAttribute("latest", latest);
        model.addAttribute("failures", queries.count(new RunQueries.Filter(null, "FAILED", null, null, since, null)));
        model.addAttribute("differences", latest.stream().mapToLong(RunView::differences).sum());
        model.addAttribute("runs", queries.count(new RunQueries.Filter(null, null, null, null, since, null)));
        NodeHealthBoard.Board board = health.board();
        model.addAttribute("health", board);
        model.addAttribute("checkedAt", LocalDateTime.ofInstant(board.checkedAt(), ZoneId.systemDefault()));
        return "dashboard";
    }
}
