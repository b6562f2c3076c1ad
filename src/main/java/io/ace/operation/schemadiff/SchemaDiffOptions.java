package io.ace.operation.schemadiff;

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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code ace schema-diff [CLUSTER] SCHEMA}, which compares a schema's definitions (and its tables' data). */
@Command(name = SchemaDiffRequest.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares a schema's definitions, then its tables' data, across the nodes.",
            "Definitions: tables, columns, constraints, indexes, views, functions, sequences, triggers, enum types; then, unless",
            "--ddl-only, the data of every table present on all nodes. Writes <schema>_schema-diff-<YYYYMMDDHHMMSS>.json and a",
            "diff file per table that differs."})
public class SchemaDiffOptions implements RequestOptions<SchemaDiffRequest> {

    @Parameters(arity = "1..2", paramLabel = "[CLUSTER] SCHEMA",
            description = "The cluster (default: ace.default-cluster, or the only one in the service file) and the schema.")
    List<String> positional = new ArrayList<>();

    @Option(names = "--ddl-only", negatable = false, description = "Compare only the definitions, not the tables' data.")
    boolean ddlOnly;

    @Mixin
    DiffFlags diff;

    @Mixin
    TableSetFlags tables;

    @Mixin
    DistributedOption distributed;

    @Override
    public SchemaDiffRequest request(RunBasics run) {
        NamedTarget target = NamedTarget.of(positional, "SCHEMA");
        return new SchemaDiffRequest(run.cluster(target.cluster()), target.name(), ddlOnly, diff.options(null), tables.recorded(), tables.maxConnections(),
                run.runKey(), run.outputDir(), diff.html(), diff.maxHtmlRows(), distributed.value());
    }
}
