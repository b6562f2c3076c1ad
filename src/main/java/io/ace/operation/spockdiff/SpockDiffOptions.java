package io.ace.operation.spockdiff;

import io.ace.exit.AceException;
import io.ace.operation.RequestOptions;
import io.ace.operation.RunBasics;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code ace spock-diff [CLUSTER]}, which compares the replication configuration of the nodes. */
@Command(name = SpockDiffRequest.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares the replication configuration of the nodes.",
            "Spock, pglogical or native: nodes, subscriptions, replication sets and their tables. Writes",
            "<cluster>_spock-diff-<YYYYMMDDHHMMSS>.json with every mismatch and hint."})
public class SpockDiffOptions implements RequestOptions<SpockDiffRequest> {

    @Parameters(arity = "0..1", paramLabel = "[CLUSTER]",
            description = "The cluster (default: ace.default-cluster, or the only one in the service file).")
    List<String> positional = new ArrayList<>();

    @Option(names = {"-n", "--nodes"}, split = ",", paramLabel = "NODE[,NODE...]", description = "Nodes to compare (default: all).")
    List<String> nodes = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "json|html", description = "json (default) or html: also write the HTML report.")
    String output = "json";

    @Override
    public SpockDiffRequest request(RunBasics run) {
        if (!output.equals("json") && !output.equals("html")) {
            throw AceException.usage("--output must be json or html, got '" + output + "'");
        }
        if (nodes.size() == 1) {
            throw AceException.usage("--nodes must name at least two nodes to compare");
        }
        return new SpockDiffRequest(run.cluster(positional.isEmpty() ? null : positional.get(0)), nodes, run.runKey(), run.outputDir(), output.equals("html"));
    }
}
