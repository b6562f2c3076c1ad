package io.ace.operation.repsetdiff;

import io.ace.diff.ColumnChoice;
import io.ace.diff.ColumnChoices;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.operation.DiffFlags;
import io.ace.operation.DistributedOption;
import io.ace.operation.NamedTarget;
import io.ace.operation.RequestOptions;
import io.ace.operation.RunBasics;
import io.ace.operation.TableSetFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = "--exclude-columns", split = ",", paramLabel = "COLUMN[,COLUMN...]",
            description = "Leave these columns out of every table that has them (never a key column): neither hashed nor shown.")
    List<String> excludeColumns = new ArrayList<>();

    @Option(names = "--columns-file", paramLabel = "FILE",
            description = "Per table its own columns, a line each: 'schema.table: --columns a,b' or 'schema.table: --exclude-columns x,y'.")
    Path columnsFile;

    @Mixin
    DistributedOption distributed;

    @Override
    public RepsetDiffRequest request(RunBasics run) {
        NamedTarget target = NamedTarget.of(positional, "REPSET");
        Map<String, ColumnChoice> byTable;
        try {
            byTable = columnsFile == null ? Map.of() : ColumnChoices.parse(Files.readString(columnsFile), String.valueOf(columnsFile.getFileName()));
        } catch (IOException e) {
            throw new AceException(ExitCode.USAGE, "cannot read --columns-file " + columnsFile, e.getMessage(), e);
        }
        return new RepsetDiffRequest(run.cluster(target.cluster()), target.name(),
                diff.options(null).withColumns(new ColumnChoice(List.of(), excludeColumns)), tables.recorded(), tables.maxConnections(),
                run.runKey(), run.outputDir(), diff.html(), diff.maxHtmlRows(), distributed.value(), byTable);
    }
}
