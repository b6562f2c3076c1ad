package io.ace.report;

import io.ace.replication.ConfigComparison;
import io.ace.replication.ReplicationConfig;
import java.util.List;

/**
 * The HTML report of spock-diff: the mismatches between nodes, the hints, and each node's
 * replication configuration (replication node, subscriptions, sets, their tables).
 */
public record ReplicationReport(String cluster, String verdict, boolean bad, String sub, List<ReplicationConfig> nodes,
                                List<ConfigComparison.Finding> mismatches, List<ConfigComparison.Finding> hints, List<Fact> run,
                                String generatedBy) {
}
