package io.ace.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.catalog.TableName;
import io.ace.json.AceJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The field names of the diff file's and the repair report's summaries and of a table's line, in
 * order: the documented contract, which a renamed record component must not change unnoticed.
 */
@Tag("fast")
class SummaryFieldsTest {

    static List<String> fields(Object summary) {
        return List.copyOf(AceJson.DOCUMENTS.valueToTree(summary).propertyNames());
    }

    static DiffSummary diff(List<String> columns, DiffSummary.Tree tree) {
        return new DiffSummary("public", "t", List.of("n1", "n2"), List.of("id"), "primary key \"t_pkey\"", null, 1000, 10000, 1.0, 1_000_000, "", columns, null, null, null, null, "exact",
                "2026-01-02T03:04:05Z", "2026-01-02T03:04:06Z", "1.0s", Map.of("n1/n2", 2L), false, 100, 1, 1, Map.of(), 0, true, 3, 0, 0.0,
                0.1, List.of(), tree, 7, "k", "0.1.0");
    }

    @Test
    void theDiffFileSummaryHasItsDocumentedFields() {
        List<String> common = List.of("schema", "table", "nodes", "primary_key", "key_index", "block_size", "compare_unit_size", "concurrency_factor",
                "max_diff_rows", "table_filter", "equality", "start_time", "end_time", "time_taken", "diff_rows_count",
                "diff_row_limit_reached", "total_rows_checked", "initial_ranges_count", "mismatched_ranges_count", "odd_node_counts",
                "transient_keys", "recheck", "hash_statements", "throttle_pauses", "throttle_paused_seconds", "recheck_seconds",
                "recheck_lagging_nodes", "job_execution_id", "run_key", "tool_version");
        assertThat(fields(diff(null, null))).containsExactlyElementsOf(common);

        JsonNode narrowedTree = AceJson.DOCUMENTS.valueToTree(diff(List.of("id", "a"), new DiffSummary.Tree(3, 4, 1, 1, 0)));
        assertThat(List.copyOf(narrowedTree.propertyNames())).containsSubsequence("table_filter", "columns", "equality")
                .containsSubsequence("recheck_lagging_nodes", "mtree", "job_execution_id").hasSize(common.size() + 2);
        assertThat(List.copyOf(narrowedTree.path("mtree").propertyNames()))
                .containsExactly("leaves", "tree_nodes_read", "changes_captured", "leaves_rehashed", "leaves_split");
    }

    @Test
    void theRepairSummaryHasItsDocumentedFields() {
        RepairSummary repair = new RepairSummary(new TableName("public", "t"), "source-of-truth", null, false, false, "/reports/d.json",
                "ab12", Map.of("n2", Map.of("insert", 1L)), 5, 0L, List.of("n1", "n2"), 9, "k", "primary key \"t_pkey\"", null, null, false);
        assertThat(fields(repair)).containsExactly("schema", "table", "mode", "source_of_truth", "dry_run", "fire_triggers", "diff_file",
                "diff_file_sha256", "per_node", "keys_still_differing", "job_execution_id", "run_key", "key_index", "preserve_origin");
        assertThat(repair.fields()).containsEntry("source_of_truth", null).containsEntry("dry_run", false);
    }

    @Test
    void aTableLineLeavesOutWhatTheTableDoesNotHave() {
        assertThat(fields(new TableLine("public.t", "differed", "2 rows", "membership differs", Map.of("n1/n2", 2L), "t_diffs.json",
                "t_diffs.html"))).containsExactly("table", "status", "detail", "note", "diff_rows_count", "diff_file", "html_report");
        assertThat(fields(new TableLine("public.u", "skipped", null, null, Map.of(), null, null))).containsExactly("table", "status", "detail");
    }
}
