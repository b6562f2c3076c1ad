package io.ace.operation;

import io.ace.diff.ColumnChoice;
import io.ace.diff.DiffOptions;
import io.ace.diff.Equality;
import io.ace.exit.AceException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of every operation that compares table rows (table-diff, repset-diff, schema-diff):
 * which nodes, block and batch sizes, equality, the re-check and the production limits, and the
 * report format. Checked into one {@link DiffOptions}.
 */
public class DiffFlags {

    @Option(names = {"-n", "--nodes"}, split = ",", paramLabel = "NODE[,NODE...]", description = "Nodes to compare (default: all).")
    List<String> nodes = new ArrayList<>();

    @Option(names = {"-b", "--block-size"}, paramLabel = "ROWS", description = "Rows per hashed block (default: ${DEFAULT-VALUE}).")
    int blockSize = DiffOptions.DEFAULT_BLOCK_SIZE;

    @Option(names = {"-c", "--concurrency-factor"}, paramLabel = "F",
            description = "Partitions hashed at once per processor of this machine (default: ${DEFAULT-VALUE}).")
    double concurrencyFactor = DiffOptions.DEFAULT_CONCURRENCY_FACTOR;

    @Mixin
    FetchOptions fetch;

    @Mixin
    EqualityOption equality;

    @Mixin
    RecheckOptions recheck;

    @Option(names = "--max-load", paramLabel = "SESSIONS",
            description = "Pause while a node has more active application sessions than this (default: no limit).")
    int maxLoad;

    @Option(names = "--max-lag", paramLabel = "SECONDS",
            description = "Pause while a node's subscribers lag by more than this (default: no limit).")
    int maxLag;

    @Option(names = "--target-query-time", paramLabel = "SECONDS",
            description = "Size each hashing statement to take about this long, learning as it goes (default: off, one per partition).")
    double targetQueryTime;

    @Option(names = {"-o", "--output"}, paramLabel = "json|html", description = "json (default) or html: also write the HTML audit report.")
    String output = "json";

    @Mixin
    HtmlRowsOption htmlRows;

    /** The comparison settings with the rows a filter keeps (null: all), checked (exit 64 on a bad value). */
    public DiffOptions options(String tableFilter) {
        Equality eq = equality.value();
        if (!output.equals("json") && !output.equals("html")) {
            throw AceException.usage("--output must be json or html, got '" + output + "'");
        }
        return new DiffOptions(nodes, blockSize, concurrencyFactor, fetch.compareUnitSize(), fetch.maxDiffRows(), tableFilter, eq,
                recheck.recheck(), recheck.timeoutSeconds(), maxLoad, maxLag, targetQueryTime, ColumnChoice.ALL).validate();
    }

    /** Whether the HTML report is wanted too. */
    public boolean html() {
        return output.equals("html");
    }

    public int maxHtmlRows() {
        return htmlRows.value();
    }
}
