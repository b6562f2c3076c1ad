package io.ace.operation.repsetdiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.batch.tableset.TableSetOutcome;
import io.ace.json.AceJson;
import io.ace.report.RunStamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The summary file's field names, in order: the documented contract, which a renamed record component must not change unnoticed. */
@Tag("fast")
class RepsetDiffSummaryTest {

    @Test
    void theSummaryFileHasItsDocumentedFields() {
        RepsetDiffSummary summary = new RepsetDiffSummary("local", "default", List.of("n1", "n2"), Map.of("n1", "spock"), List.of(), 2,
                new TableSetOutcome.Counts(1, 1, 0, 0, 0, 0, 0, 0, 3), new RunStamp("2 table(s)", "2026-01-02T03:04:05", "1.0s", 7, "k", "0.1.0"));
        JsonNode file = AceJson.DOCUMENTS.valueToTree(new RepsetDiffSummary.Document(summary, List.of()));
        assertThat(List.copyOf(file.propertyNames())).containsExactly("summary", "tables");
        assertThat(List.copyOf(file.path("summary").propertyNames())).containsExactly("cluster", "replication_set", "nodes",
                "node_replication", "set_missing_on", "tables", "identical", "differed", "missing", "definition_differs", "skipped",
                "not_replicated", "error", "not_compared", "diff_rows", "verdict", "start_time", "time_taken", "job_execution_id", "run_key",
                "tool_version");
    }
}
