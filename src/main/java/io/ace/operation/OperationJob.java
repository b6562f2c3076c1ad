package io.ace.operation;

import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeDefinition;
import io.ace.exit.AceException;
import java.util.List;
import org.springframework.batch.core.job.Job;

/** How an operation runs as a Spring Batch job: its checks, the nodes it needs, and the job itself. */
public interface OperationJob<R extends LaunchRequest> {

    /**
     * What a launch needs from the cluster, after the checks that need no node (option
     * combinations, input files). A failure here is an {@code AceException}, and nothing is recorded.
     *
     * @param nodes   the nodes to open; empty for every node of the cluster
     * @param without a node left out even when {@code nodes} is empty (a failed node whose writes are compared), or null
     */
    record Needs(List<String> nodes, String without) {

        public Needs(List<String> nodes) {
            this(nodes, null);
        }

        /** The nodes of {@code cluster} to open, or a configuration error naming an unknown one. */
        public List<NodeDefinition> select(ClusterDefinition cluster) {
            List<NodeDefinition> chosen = cluster.select(nodes);
            if (without == null) {
                return chosen;
            }
            cluster.select(List.of(without));
            List<NodeDefinition> rest = chosen.stream().filter(n -> !n.name().equals(without)).toList();
            if (rest.size() < 2) {
                throw AceException.usage("leaving out " + without + " leaves " + rest.size() + " node(s) of cluster '" + cluster.name()
                        + "' to compare; at least two are needed");
            }
            return rest;
        }
    }

    Needs prepare(R request);

    /**
     * The job for one launch, on sessions the launcher opened (and closes). Checks against the
     * nodes (the table exists alike everywhere, ...) happen here, before the job exists.
     */
    Job build(R request, ClusterSessions sessions);
}
