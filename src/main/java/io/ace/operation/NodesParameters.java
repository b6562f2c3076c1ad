package io.ace.operation;

import io.ace.catalog.TableName;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** {@link ClusterRequest}s and {@link TableNodesRequest}s as job parameters: their nodes, identifying. */
public final class NodesParameters {

    private NodesParameters() {
    }

    public static ParameterCodec<ClusterRequest> cluster() {
        return new ParameterCodec<>() {
            @Override
            public JobParameters encode(ClusterRequest request) {
                return builder(request.nodes()).toJobParameters();
            }

            @Override
            public ClusterRequest decode(RunIdentity id, JobParameters p) {
                return new ClusterRequest(id.operation(), id.cluster(), nodes(p), id.runKey(), id.outputDir());
            }
        };
    }

    public static ParameterCodec<TableNodesRequest> table() {
        return new ParameterCodec<>() {
            @Override
            public JobParameters encode(TableNodesRequest request) {
                return builder(request.nodes()).toJobParameters();
            }

            @Override
            public TableNodesRequest decode(RunIdentity id, JobParameters p) {
                return new TableNodesRequest(id.operation(), id.cluster(), TableName.fromRecorded(id.target()), nodes(p), id.runKey(),
                        id.outputDir());
            }
        };
    }

    /** The nodes a launch names (empty for every node), identifying. */
    public static JobParametersBuilder builder(List<String> nodes) {
        return new JobParametersBuilder().addString("nodes", String.join(",", nodes));
    }

    /** The recorded nodes; empty for every node. */
    public static List<String> nodes(JobParameters p) {
        String nodes = p.getString("nodes", "");
        return nodes.isEmpty() ? List.of() : Arrays.asList(nodes.split(","));
    }
}
