package io.ace.operation.repsetdiff;

import io.ace.operation.DiffFlags;
import io.ace.operation.DistributedOption;
import io.ace.operation.NamedTarget;
import io.ace.operation.RequestOptions;
import io.ace.operation.RunBasics;
import io.ace.operation.TableSetFlags;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The options of {@code ace repset-diff [CLUSTER] REPSET}, which compares every table of a replication set. */
@Command(name = RepsetDiffRequest.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares every table of a replication set across the nodes.",
            "A set of Spock or pglogical, or a publication (native): each table under the set's row filter and column list.",
            "Writes <set>_repset-diff-<YYYYMMDDHHMMSS>.json, a line per table, and the diff file of each table that differs."})
public class RepsetDiffOptions implements RequestOptions<RepsetDiffRequest> {

    @Parameters(arity = "1..2", paramLabel = "[CLUSTER] REPSET",
            description = "The cluster (default: ace.default-cluster, or the only one in the service file) and the replication set.")
    List<String> positional = new ArrayList<>();

    @Mixin
    DiffFlags diff;

    @Mixin
    TableSetFlags tables;

    @Mixin
    DistributedOption distributed;

    @Override
    public RepsetDiffRequest request(RunBasics run) {
        NamedTarget target = NamedTarget.of(positional, "REPSET");
        return new RepsetDiffRequest(run.cluster(target.cluster()), target.name(), diff.options(null), tables.recorded(), tables.maxConnections(),
                run.runKey(), run.outputDir(), diff.html(), diff.maxHtmlRows(), distributed.value());
    }
}
