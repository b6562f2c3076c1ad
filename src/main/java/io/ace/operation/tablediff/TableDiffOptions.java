package io.ace.operation.tablediff;

import io.ace.diff.DiffOptions;
import io.ace.diff.Equality;
import io.ace.exit.AceException;
import io.ace.operation.HtmlRowsOption;
import io.ace.operation.RequestOptions;
import io.ace.operation.RunBasics;
import io.ace.operation.TableTarget;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code ace table-diff [CLUSTER] SCHEMA.TABLE}, which compares one table across the cluster's nodes. */
@Command(name = TableDiffRequest.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares one table across all (or --nodes) nodes of a cluster and writes a diff file",
            "<schema>_<table>_diffs-<YYYYMMDDHHMMSS>.json when rows differ."})
public class TableDiffOptions implements RequestOptions<TableDiffRequest> {

    @Parameters(arity = "1..*", paramLabel = "[CLUSTER] SCHEMA.TABLE",
            description = "The cluster (default: ace.default-cluster, or the only one in the service file) and the table.")
    List<String> positional = new ArrayList<>();

    @Option(names = "--nodes", split = ",", paramLabel = "NODE[,NODE...]", description = "Nodes to compare (default: all).")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--block-size", paramLabel = "ROWS", description = "Rows per hashed block (default: ${DEFAULT-VALUE}).")
    int blockSize = DiffOptions.DEFAULT_BLOCK_SIZE;

    @Option(names = "--concurrency-factor", paramLabel = "F",
            description = "Partitions hashed at once per processor of this machine (default: ${DEFAULT-VALUE}).")
    double concurrencyFactor = DiffOptions.DEFAULT_CONCURRENCY_FACTOR;

    @Option(names = "--compare-unit-size", paramLabel = "KEYS",
            description = "Keys per batch when fetching the full rows of differing keys (default: ${DEFAULT-VALUE}).")
    int compareUnitSize = DiffOptions.DEFAULT_COMPARE_UNIT_SIZE;

    @Option(names = "--max-diff-rows", paramLabel = "N",
            description = "Differing rows reported per node pair; 0 means no limit (default: ${DEFAULT-VALUE}).")
    long maxDiffRows = DiffOptions.DEFAULT_MAX_DIFF_ROWS;

    @Option(names = "--table-filter", paramLabel = "SQL",
            description = "Compare only rows matching this condition: one expression over the table's columns, constants,"
                    + " operators and IMMUTABLE functions, checked on every node before it runs.")
    String tableFilter;

    @Option(names = "--equality", paramLabel = "exact|semantic",
            description = "exact: same value in the same representation (default); semantic: each type's equality operator.")
    String equality = "exact";

    @Option(names = "--no-recheck", negatable = false,
            description = "Report differing keys as first seen, without re-reading them after pending replication is applied.")
    boolean noRecheck;

    @Option(names = "--recheck-timeout", paramLabel = "SECONDS",
            description = "How long the re-check waits for replication to catch up (default: ${DEFAULT-VALUE}); nodes still behind are named.")
    int recheckTimeout = DiffOptions.DEFAULT_RECHECK_TIMEOUT_SECONDS;

    @Option(names = "--max-load", paramLabel = "SESSIONS",
            description = "Pause while a node has more active application sessions than this (default: no limit).")
    int maxLoad;

    @Option(names = "--max-lag", paramLabel = "SECONDS",
            description = "Pause while a node's subscribers lag by more than this (default: no limit).")
    int maxLag;

    @Option(names = "--target-query-time", paramLabel = "SECONDS",
            description = "Size each hashing statement to take about this long, learning as it goes (default: off, one per partition).")
    double targetQueryTime;

    @Option(names = "--output", paramLabel = "json|html", description = "json (default) or html: also write the HTML audit report.")
    String output = "json";

    @Mixin
    HtmlRowsOption htmlRows;

    @Override
    public TableDiffRequest request(RunBasics run) {
        TableTarget target = TableTarget.of(positional);
        Equality eq = switch (equality.toLowerCase()) {
            case "exact" -> Equality.EXACT;
            case "semantic" -> Equality.SEMANTIC;
            default -> throw AceException.usage("--equality must be exact or semantic, got '" + equality + "'");
        };
        if (!output.equals("json") && !output.equals("html")) {
            throw AceException.usage("--output must be json or html, got '" + output + "'");
        }
        DiffOptions options = new DiffOptions(nodes, blockSize, concurrencyFactor, compareUnitSize, maxDiffRows, tableFilter, eq,
                !noRecheck, recheckTimeout, maxLoad, maxLag, targetQueryTime).validate();
        return new TableDiffRequest(target.cluster(), target.table(), options, run.runKey(), run.outputDir(), output.equals("html"),
                htmlRows.value());
    }
}
