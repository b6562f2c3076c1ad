package io.ace.operation;

import io.ace.diff.ColumnChoice;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --columns} / {@code --exclude-columns}: the columns one table is compared (or a Merkle tree hashed) on. */
public class ColumnFlags {

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN[,COLUMN...]",
            description = "Compare only these columns (the key always is); the diff file and a repair from it hold only them.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--exclude-columns", split = ",", paramLabel = "COLUMN[,COLUMN...]",
            description = "Compare every column but these (never a key column); they are neither hashed nor shown, nor touched by a repair.")
    List<String> excludeColumns = new ArrayList<>();

    /** The choice given; a usage error (exit 64) for both flags at once or an empty name. */
    public ColumnChoice choice() {
        return new ColumnChoice(columns, excludeColumns);
    }
}
