package io.ace.operation;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** {@code [CLUSTER] SCHEMA.TABLE} as a command's positional arguments. */
public class TableArgument {

    @Parameters(arity = "1..2", paramLabel = "[CLUSTER] SCHEMA.TABLE",
            description = "The cluster (default: ace.default-cluster, or the only one in the service file) and the table.")
    List<String> positional = new ArrayList<>();

    public TableTarget target() {
        return TableTarget.of(positional);
    }
}
