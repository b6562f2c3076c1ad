package io.ace.operation.spockdiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.json.AceJson;
import io.ace.replication.ConfigComparison;
import io.ace.replication.ReplicationConfig;
import io.ace.replication.ReplicationKind;
import io.ace.report.RunStamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The summary file's field names, in order: the documented contract, which a renamed record component must not change unnoticed. */
@Tag("fast")
class SpockDiffSummaryTest {

    @Test
    void theSummaryFileHasItsDocumentedFields() {
        SpockDiffSummary summary = new SpockDiffSummary("local", List.of("n1"), Map.of("n1", "pglogical"), 1, 0,
                new RunStamp("1 mismatch(es)", "2026-01-02T03:04:05", "1.0s", 7, "k", "0.1.0"));
        ReplicationConfig n1 = new ReplicationConfig("n1", ReplicationKind.PGLOGICAL, "n1", List.of(new ReplicationConfig.Subscription("sub",
                "n2", "host=h", true, "down", List.of("default"), List.of())), List.of(), List.of(), List.of());
        JsonNode file = AceJson.DOCUMENTS.valueToTree(new SpockDiffSummary.Document(summary,
                List.of(new ConfigComparison.Finding("n1/n2", "subscription sub is down")), List.of(), List.of(n1)));
        assertThat(List.copyOf(file.propertyNames())).containsExactly("summary", "mismatches", "hints", "nodes");
        assertThat(List.copyOf(file.path("summary").propertyNames())).containsExactly("cluster", "nodes", "replication", "mismatches",
                "hints", "verdict", "start_time", "time_taken", "job_execution_id", "run_key", "tool_version");
        assertThat(List.copyOf(file.path("mismatches").get(0).propertyNames())).containsExactly("nodes", "what");
        assertThat(file.path("nodes").get(0).path("local_node").asString()).isEqualTo("n1");
        assertThat(file.path("nodes").get(0).path("subscriptions").get(0).path("provider_dsn").asString()).isEqualTo("host=h");
    }
}
