package io.ace.operation.tablererun;

import io.ace.diff.DiffOptions;
import io.ace.exit.AceException;
import io.ace.operation.DiffFileSource;
import io.ace.operation.RequestOptions;
import io.ace.operation.RunBasics;
import io.ace.operation.TableTarget;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code ace table-rerun [CLUSTER] SCHEMA.TABLE --diff-file F}, which re-checks only the keys of a diff file. */
@Command(name = TableRerunRequest.OPERATION, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-checks only the rows named in a diff file, on the diff's nodes, in batches (no table scan).",
            "Exit 0 when all now match; otherwise writes <schema>_<table>_rerun-diffs-<ts>.json and exits 1."})
public class TableRerunOptions implements RequestOptions<TableRerunRequest> {

    @Parameters(arity = "1..*", paramLabel = "[CLUSTER] SCHEMA.TABLE")
    List<String> positional = new ArrayList<>();

    @ArgGroup(multiplicity = "1")
    DiffFileSource diffFile;

    @Option(names = {"-u", "--compare-unit-size"}, paramLabel = "KEYS", description = "Keys re-checked per batch (default: ${DEFAULT-VALUE}).")
    int compareUnitSize = DiffOptions.DEFAULT_COMPARE_UNIT_SIZE;

    @Override
    public TableRerunRequest request(RunBasics run) {
        DiffOptions.checkCompareUnitSize(compareUnitSize);
        TableTarget target = TableTarget.of(positional);
        return TableRerunRequest.of(run.cluster(target.cluster()), target.table(), diffFile.resolve(run, target.table()), compareUnitSize, run.runKey(), run.outputDir());
    }
}
