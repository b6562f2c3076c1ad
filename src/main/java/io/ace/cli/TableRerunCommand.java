package io.ace.cli;

import io.ace.batch.RunLauncher;
import io.ace.batch.RunOutcome;
import io.ace.batch.TableRerunRequest;
import io.ace.diff.DiffOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ace table-rerun [CLUSTER] SCHEMA.TABLE --diff-file F}: re-checks only the keys of a diff file. */
@Command(name = "table-rerun", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-checks only the rows named in a diff file, on the diff's nodes, in batches (no table scan).",
            "Exit 0 when all now match; otherwise writes <schema>_<table>_rerun-diffs-<ts>.json and exits 1."})
public class TableRerunCommand implements Callable<Integer>, LaunchCommand {

    @Parameters(arity = "1..*", paramLabel = "[CLUSTER] SCHEMA.TABLE")
    List<String> positional = new ArrayList<>();

    @Option(names = "--diff-file", required = true, paramLabel = "FILE", description = "A diff file of this table.")
    Path diffFile;

    @Option(names = "--compare-unit-size", paramLabel = "KEYS", description = "Keys re-checked per batch (default: ${DEFAULT-VALUE}).")
    int compareUnitSize = DiffOptions.DEFAULT_COMPARE_UNIT_SIZE;

    @Mixin
    RunOptions run;

    @Mixin
    ProgressOptions progressOptions;

    private final RunLauncher launcher;

    public TableRerunCommand(RunLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public TableRerunRequest request() {
        if (compareUnitSize < 1) {
            throw io.ace.exit.AceException.usage("--compare-unit-size must be positive, got " + compareUnitSize);
        }
        Target target = Target.of(positional);
        return TableRerunRequest.of(target.cluster(), target.table(), diffFile, compareUnitSize, run.runKey(), run.outputDir());
    }

    @Override
    public Integer call() throws Exception {
        RunOutcome outcome = launcher.launch(request());
        Outcomes.print(outcome);
        return outcome.exitCode().code();
    }
}
