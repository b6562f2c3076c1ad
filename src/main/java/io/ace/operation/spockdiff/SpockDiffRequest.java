package io.ace.operation.spockdiff;

import io.ace.operation.LaunchRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * One spock-diff launch: which nodes' replication configuration is compared, and how the results are written.
 *
 * @param nodes the nodes compared (empty: every node of the cluster)
 */
public record SpockDiffRequest(String cluster, List<String> nodes, String runKey, Path outputDir, boolean html) implements LaunchRequest {

    public static final String OPERATION = "spock-diff";

    public SpockDiffRequest {
        nodes = List.copyOf(nodes);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    /** The whole cluster's configuration: no target of its own. */
    @Override
    public String target() {
        return "";
    }
}
