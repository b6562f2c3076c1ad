package io.ace.operation;

import java.nio.file.Path;
import java.util.List;

/**
 * A launch that works on the nodes of a cluster rather than on one table ({@code mtree init},
 * {@code mtree status}, ...): its target is empty.
 *
 * @param nodes the nodes to work on; empty for every node of the cluster
 */
public record ClusterRequest(String operation, String cluster, List<String> nodes, String runKey, Path outputDir) implements LaunchRequest {

    public ClusterRequest {
        nodes = List.copyOf(nodes);
    }

    @Override
    public String target() {
        return "";
    }
}
