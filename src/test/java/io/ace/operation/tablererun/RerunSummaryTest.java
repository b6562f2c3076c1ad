package io.ace.operation.tablererun;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.json.AceJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rerun diff file's summary field names, in order: the documented contract. */
@Tag("fast")
class RerunSummaryTest {

    @Test
    void theSummaryHasItsDocumentedFields() {
        RerunSummary summary = new RerunSummary("public", "t", List.of("n1", "n2"), "/reports/t_diffs.json", Map.of("n1/n2", 1L), 7, "k", null);
        assertThat(List.copyOf(AceJson.DOCUMENTS.valueToTree(summary).propertyNames())).containsExactly("schema", "table", "nodes",
                "rerun_of", "diff_rows_count", "job_execution_id", "run_key");
    }
}
