package io.ace.web.ui;

import io.ace.batch.RunQueries;
import io.ace.batch.RunSubmitter;
import io.ace.batch.RunView;
import io.ace.launch.LaunchGrammar;
import io.ace.operation.OperationRegistry;
import io.ace.web.NodeHealthBoard;
import io.ace.web.RunActions;
import io.ace.web.ServeOnly;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
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
    private final OperationRegistry operations;
    private final RunSubmitter submitter;

    DashboardController(RunQueries queries, NodeHealthBoard health, RunActions actions, RunSubmitter submitter, LaunchGrammar grammar) {
        this.queries = queries;
        this.health = health;
        this.actions = actions;
        this.submitter = submitter;
        this.operations = grammar.operations();
    }

    /** A latest result: the run, and what its differences count. */
    record Latest(RunView run, String counts) {
    }

    /** Differences of the latest results that count the same thing, added up. */
    record Total(String counts, long differences) {
    }

    @GetMapping("/")
    String dashboard(Model model, Authentication who) {
        List<RunView> running = queries.running(ETA_RUNS).stream().map(v -> actions.shown(v, who)).toList();
        LocalDate since = LocalDate.now().minusDays(1);
        // "last night's result" per target: the newest ended comparison of each operation and target; runs that compare
        // nothing (mtree status, ...) or nothing named (spock-diff) are not per-target results
        List<Latest> latest = queries.latestPerTarget(since).stream()
                .filter(v -> !v.target().isEmpty() && operations.contains(v.operation()) && operations.get(v.operation()).counts() != null)
                .map(v -> new Latest(actions.shown(v, who), operations.get(v.operation()).counts())).toList();
        Map<String, Long> totals = new LinkedHashMap<>();
        latest.forEach(l -> totals.merge(l.counts(), l.run().differences(), Long::sum));
        model.addAttribute("running", running);
        model.addAttribute("load", submitter.load());
        model.addAttribute("latest", latest);
        model.addAttribute("failures", queries.count(new RunQueries.Filter(null, "FAILED", null, null, since, null)));
        model.addAttribute("totals", totals.entrySet().stream().map(e -> new Total(e.getKey(), e.getValue())).toList());
        model.addAttribute("runs", queries.count(new RunQueries.Filter(null, null, null, null, since, null)));
        NodeHealthBoard.Board board = health.board();
        model.addAttribute("health", board);
        model.addAttribute("checkedAt", board.checkedAt());
        return "dashboard";
    }
}
