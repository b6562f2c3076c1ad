package io.ace.operation.schemadiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.batch.tableset.TableSetOutcome;
import io.ace.json.AceJson;
import io.ace.report.RunStamp;
import io.ace.schemadiff.SchemaComparison;
import io.ace.schemadiff.SchemaObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The summary file's field names, in order: the documented contract, which a renamed record component must not change unnoticed. */
@Tag("fast")
class SchemaDiffSummaryTest {

    static SchemaDiffSummary summary(TableSetOutcome.Counts counts) {
        return new SchemaDiffSummary("local", "app", List.of("n1", "n2"), Map.of("n1", 3, "n2", 4), List.of(), 2, counts == null, counts,
                new RunStamp("2 object(s) defined differently or missing", "2026-01-02T03:04:05", "1.0s", 7, "k", "0.1.0"));
    }

    @Test
    void definitionsOnlyHaveNoTableCounts() {
        JsonNode file = AceJson.DOCUMENTS.valueToTree(new SchemaDiffSummary.Document(summary(null), List.of(), null));
        assertThat(List.copyOf(file.propertyNames())).containsExactly("summary", "pairs");
        assertThat(List.copyOf(file.path("summary").propertyNames())).containsExactly("cluster", "schema", "nodes", "objects",
                "schema_missing_on", "definition_differences", "ddl_only", "verdict", "start_time", "time_taken", "job_execution_id",
                "run_key", "tool_version");
    }

    @Test
    void eachPairNamesItsNodesInItsFields() {
        SchemaComparison.Pair pair = new SchemaComparison.Pair("n1", "n2", List.of(), List.of(new SchemaObject("view", "v", "SELECT 1")),
                List.of(new SchemaComparison.Changed("function", "f()", "SELECT 1", "SELECT 2")));
        JsonNode file = AceJson.DOCUMENTS.valueToTree(new SchemaDiffSummary.Document(summary(new TableSetOutcome.Counts(1, 0, 0, 0, 0, 0,
                0, 0, 0)), List.of(SchemaDiffSummary.Pair.of(pair)), List.of()));
        assertThat(List.copyOf(file.propertyNames())).containsExactly("summary", "pairs", "tables");
        assertThat(List.copyOf(file.path("summary").propertyNames())).containsSubsequence("ddl_only", "identical", "not_compared",
                "diff_rows", "verdict");
        JsonNode written = file.path("pairs").get(0);
        assertThat(List.copyOf(written.propertyNames())).containsExactly("pair", "only_on_n1", "only_on_n2", "differing");
        assertThat(written.path("only_on_n2").get(0).path("definition").asString()).isEqualTo("SELECT 1");
        assertThat(List.copyOf(written.path("differing").get(0).propertyNames())).containsExactly("kind", "name", "n1", "n2");
        assertThat(written.path("differing").get(0).path("n2").asString()).isEqualTo("SELECT 2");
    }
}
