package io.ace.operation.spockdiff;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.ace.replication.ConfigComparison;
import io.ace.replication.ReplicationConfig;
import io.ace.report.RunStamp;
import io.ace.report.StampedSummary;
import io.ace.report.SummaryDocument;
import java.util.List;
import java.util.Map;

/**
 * The summary of a spock-diff run, as its summary file states it.
 *
 * @param replication each node's replication ({@code spock}, {@code pglogical}, {@code native}, ...)
 * @param mismatches  what differs between nodes, or is broken
 * @param hints       what is probably misconfigured, though nodes agree
 */
record SpockDiffSummary(String cluster, List<String> nodes, Map<String, String> replication, int mismatches, int hints,
                        @JsonUnwrapped RunStamp run) implements StampedSummary {

    /** The summary file: the summary, the findings, then every node's configuration. */
    record Document(SpockDiffSummary summary, List<ConfigComparison.Finding> mismatches, List<ConfigComparison.Finding> hints,
                    List<ReplicationConfig> nodes) implements SummaryDocument {
    }
}
