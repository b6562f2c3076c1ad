package io.ace.operation;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code [CLUSTER]} or {@code [CLUSTER] SCHEMA.TABLE}, and {@code --nodes}: the options of an
 * operation with none of its own. A subclass names the operation with its {@code @Command}.
 */
public abstract class NodesOptions {

    @Option(names = {"-n", "--nodes"}, split = ",", paramLabel = "NODE[,NODE...]", description = "Nodes to work on (default: all).")
    protected List<String> nodes = new ArrayList<>();

    /** The operation's name, from the subclass's {@code @Command}. */
    protected String operation() {
        return getClass().getAnnotation(Command.class).name();
    }

    /** The options of an operation on a whole cluster: {@code [CLUSTER]}. */
    public abstract static class OnCluster extends NodesOptions implements RequestOptions<ClusterRequest> {

        @Parameters(arity = "0..1", paramLabel = "[CLUSTER]",
                description = "The cluster (default: ace.default-cluster, or the only one in the service file).")
        String cluster;

        @Override
        public ClusterRequest request(RunBasics run) {
            return new ClusterRequest(operation(), run.cluster(cluster), nodes, run.runKey(), run.outputDir());
        }
    }

    /** The options of an operation on one table: {@code [CLUSTER] SCHEMA.TABLE}. */
    public abstract static class OnTable extends NodesOptions implements RequestOptions<TableNodesRequest> {

        @Mixin
        TableArgument table;

        @Override
        public TableNodesRequest request(RunBasics run) {
            TableTarget target = table.target();
            return new TableNodesRequest(operation(), run.cluster(target.cluster()), target.table(), nodes, run.runKey(), run.outputDir());
        }
    }
}
