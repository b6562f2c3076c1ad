package io.ace.web.api;

import io.ace.batch.RunQueries;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.launch.LaunchFields;
import io.ace.launch.LaunchGrammar;
import io.ace.operation.Operation;
import io.ace.web.RunActions;
import io.ace.web.ServeOnly;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API at the paths pgEdge ACE uses: launch an operation (202 with the execution id),
 * follow and control executions. Bodies name the cluster and table and, by their long names,
 * the command line's flags ({@code "block_size": 10000}, {@code "nodes": ["n1","n2"]}).
 */
@ServeOnly
@RestController
@RequestMapping("/api/v1")
public class OperationsApi {

    /** The body fields that may name what an operation works on, as pgEdge ACE's API names them. */
    private static final List<String> TARGET_FIELDS = List.of("table_name", "table", "repset_name", "schema_name", "target");

    private final RunActions actions;
    private final RunQueries queries;
    private final LaunchGrammar grammar;

    public OperationsApi(RunActions actions, RunQueries queries, LaunchGrammar grammar) {
        this.actions = actions;
        this.queries = queries;
        this.grammar = grammar;
    }

    @PostMapping("/{operation}")
    @ActionResponses
    ResponseEntity<ActionAnswer> launch(@PathVariable String operation, @RequestBody(required = false) Map<String, Object> body,
                                        Authentication who) {
        return launch(grammar.operations().get(operation), body, who);
    }

    /** The operations of a group ({@code /mtree/build} is {@code mtree-build}). */
    @PostMapping("/{group}/{verb}")
    @ActionResponses
    ResponseEntity<ActionAnswer> launch(@PathVariable String group, @PathVariable String verb,
                                        @RequestBody(required = false) Map<String, Object> body, Authentication who) {
        return launch(grammar.operations().get(group, verb), body, who);
    }

    private ResponseEntity<ActionAnswer> launch(Operation<?> operation, Map<String, Object> body, Authentication who) {
        Map<String, Object> fields = new LinkedHashMap<>(body == null ? Map.of() : body);
        String cluster = text(fields.remove("cluster_name"), fields.remove("cluster"));
        String target = null;
        for (String field : TARGET_FIELDS) {
            target = text(target, fields.remove(field));
        }
        String label = grammar.targetLabel(operation.name());
        if (target == null && label != null) {
            throw AceException.usage("the body must name what " + operation.name() + " works on (" + label + "): one of "
                    + String.join(", ", TARGET_FIELDS) + ", e.g. {\"table_name\": \"schema.table\"}");
        }
        return answer(actions.launch(new LaunchFields(operation.name(), cluster, target, fields), who));
    }

    @GetMapping("/executions")
    ExecutionPage executions(@RequestParam(required = false) String operation, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String cluster, @RequestParam(required = false) String table,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                             Authentication who) {
        if (page < 0 || size < 1 || size > 500) {
            throw AceException.usage("page must be >= 0 and size between 1 and 500");
        }
        RunQueries.Page found = queries.find(new RunQueries.Filter(operation, status, cluster, table, from, to), page, size);
        return new ExecutionPage(found.total(), page, size,
                found.runs().stream().map(v -> Execution.of(actions.shown(v, who), false)).toList());
    }

    @GetMapping("/executions/{id}")
    Execution execution(@PathVariable long id, Authentication who) {
        return Execution.of(actions.shown(actions.execution(id), who), true);
    }

    // one endpoint per control, so the OpenAPI description names each
    @PostMapping("/executions/{id}/stop")
    @ActionResponses
    ResponseEntity<ActionAnswer> stop(@PathVariable long id, Authentication who) {
        return answer(actions.act(id, "stop", who));
    }

    /** Answers with the new execution that resumes the run. */
    @PostMapping("/executions/{id}/restart")
    @ActionResponses
    ResponseEntity<ActionAnswer> restart(@PathVariable long id, Authentication who) {
        return answer(actions.act(id, "restart", who));
    }

    @PostMapping("/executions/{id}/recover")
    @ActionResponses
    ResponseEntity<ActionAnswer> recover(@PathVariable long id, Authentication who) {
        return answer(actions.act(id, "recover", who));
    }

    @PostMapping("/executions/{id}/abandon")
    @ActionResponses
    ResponseEntity<ActionAnswer> abandon(@PathVariable long id, Authentication who) {
        return answer(actions.act(id, "abandon", who));
    }

    /** Any other path under the API, whatever the method: 404 in the API's words (the path not quoted). */
    @Hidden
    @RequestMapping("/**")
    ResponseEntity<ApiError> unknownPath() {
        return ApiErrors.body(HttpStatus.NOT_FOUND, null, "no such API path; see /v3/api-docs");
    }

    /** 202 with the execution to follow; 200 with exit code 4 when the run key had already completed and nothing ran. */
    private static ResponseEntity<ActionAnswer> answer(RunActions.Answer answer) {
        return ResponseEntity.status(answer.alreadyCompleted() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(ActionAnswer.of(answer));
    }

    /** The first of two alternative fields that is given; each must be text. */
    private static String text(Object first, Object second) {
        Object v = first != null ? first : second;
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw AceException.usage("the cluster and what an operation works on are given as text");
    }
}
