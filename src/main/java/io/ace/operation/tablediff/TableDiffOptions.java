package io.ace.operation.tablediff;

import io.ace.diff.AgainstOrigin;
import io.ace.diff.DiffOptions;
import io.ace.diff.Incremental;
import io.ace.operation.ColumnFlags;
import io.ace.operation.DiffFlags;
import io.ace.operation.DistributedOption;
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
        description = {"Compares one table across the nodes of a cluster.",
            "All nodes, or those of --nodes. Writes a diff file <schema>_<table>_diffs-<YYYYMMDDHHMMSS>.json when rows differ."})
public class TableDiffOptions implements RequestOptions<TableDiffRequest> {

    @Parameters(arity = "1..*", paramLabel = "[CLUSTER] SCHEMA.TABLE",
            description = "The cluster (default: ace.default-cluster, or the only one in the service file) and the table.")
    List<String> positional = new ArrayList<>();

    @Mixin
    DiffFlags diff;

    @Option(names = {"-F", "--table-filter"}, paramLabel = "SQL",
            description = "Compare only rows matching this condition: one expression over the table's columns, constants,"
                    + " operators and IMMUTABLE functions, checked on every node before it runs.")
    String tableFilter;

    @Mixin
    ColumnFlags columns;

    @Option(names = "--against-origin", paramLabel = "NODE",
            description = "Compare only rows whose last change came from NODE (a failed node: it is left out and may be down),"
                    + " on the other nodes; needs track_commit_timestamp = on. The diff file records each row's origin and commit time.")
    String againstOrigin;

    @Option(names = "--until", paramLabel = "TIMESTAMP",
            description = "With --against-origin: only NODE's writes committed at or before this time (e.g. 2026-12-06T03:00:00Z).")
    String until;

    @Option(names = "--incremental-column", paramLabel = "COLUMN",
            description = "Compare only rows whose COLUMN (a timestamptz every insert and update sets) changed since the last completed"
                    + " run of this comparison, up to now() minus --boundary; the first run compares every row. Deletes are not seen.")
    String incrementalColumn;

    @Option(names = "--boundary", paramLabel = "DURATION",
            description = "With --incremental-column: rows newer than this wait for the next run (late commits; default 10m; 90s, 2h, 1d, PT10M).")
    String boundary;

    @Mixin
    DistributedOption distributed;

    @Override
    public TableDiffRequest request(RunBasics run) {
        TableTarget target = TableTarget.of(positional);
        DiffOptions options = diff.options(tableFilter).withColumns(columns.choice())
                .scopedTo(AgainstOrigin.of(againstOrigin, until)).incrementally(Incremental.of(incrementalColumn, boundary));
        return new TableDiffRequest(run.cluster(target.cluster()), target.table(), options, run.runKey(), run.outputDir(), diff.html(),
                diff.maxHtmlRows(), distributed.value());
    }
}
