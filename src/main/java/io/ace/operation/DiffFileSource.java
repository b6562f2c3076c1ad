package io.ace.operation;

import io.ace.catalog.TableName;
import io.ace.exit.AceException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where an operation's diff file comes from: a path ({@code --diff-file}, which web callers may
 * not give) or the execution that wrote it ({@code --from-execution}); exactly one.
 */
public class DiffFileSource {

    @Option(names = {"-f", "--diff-file"}, paramLabel = "FILE", description = "A diff file of this table (ours or pgEdge ACE's).")
    Path file;

    @Option(names = "--from-execution", paramLabel = "EXECUTION_ID",
            description = "Use the diff file this execution wrote (its id in 'ace jobs list').")
    Long execution;

    /** The diff file of {@code table} named, with the sha256 recorded for it. */
    public RecordedDiffFile resolve(RunBasics run, TableName table) {
        if ((file == null) == (execution == null)) {
            throw AceException.usage("name the diff file with exactly one of --diff-file FILE or --from-execution EXECUTION_ID");
        }
        if (execution != null && execution < 1) {
            throw AceException.usage("--from-execution must be a job execution id (1 or more), got " + execution);
        }
        return file != null ? RecordedDiffFile.asItIsNow(file) : run.diffFiles().ofExecution(execution, table);
    }
}
