package io.ace.operation;

import io.ace.catalog.TableName;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * {@link ClusterRequest}s and {@link TableNodesRequest}s as job parameters. Identifying: the
 * operation, cluster, target (the table, or empty), nodes and run key.
 */
public final class NodesParameters {

    private NodesParameters() {
    }

    public static ParameterCodec<ClusterRequest> cluster() {
        return new ParameterCodec<>() {
            @Override
            public JobParameters encode(ClusterRequest request) {
                return builder(request, request.nodes()).toJobParameters();
            }

            @Override
            public ClusterRequest decode(JobParameters p) {
                return new ClusterRequest(p.getString("operation"), p.getString("cluster"), nodes(p), p.getString("run_key"),
                        Path.of(p.getString("output_dir")));
            }
        };
    }

    public static ParameterCodec<TableNodesRequest> table() {
        return new ParameterCodec<>() {
            @Override
            public JobParameters encode(TableNodesRequest request) {
                return builder(request, request.nodes()).addString("table", request.table().toString()).toJobParameters();
            }

            @Override
            public TableNodesRequest decode(JobParameters p) {
                return new TableNodesRequest(p.getString("operation"), p.getString("cluster"), TableName.fromRecorded(p.getString("table")),
                        nodes(p), p.getString("run_key"), Path.of(p.getString("output_dir")));
            }
        };
    }

    /** What every launch on nodes records: operation, cluster, target, nodes, run key, and (not identifying) the output directory. */
    public static JobParametersBuilder builder(LaunchRequest request, List<String> nodes) {
        return new JobParametersBuilder()
                .addString("operation", request.operation())
                .addString("cluster", request.cluster())
                .addString("target", request.target())
                .addString("nodes", String.join(",", nodes))
                .addString("run_key", request.runKey())
                .addString("output_dir", request.outputDir().toAbsolutePath().toString(), false);
    }

    /** The recorded nodes; empty for every node. */
    public static List<String> nodes(JobParameters p) {
        String nodes = p.getString("nodes", "");
        return nodes.isEmpty() ? List.of() : Arrays.asList(nodes.split(","));
    }
}
