package io.ace.operation;

import io.ace.catalog.TableName;
import io.ace.exit.AceException;
import java.util.List;

/** The {@code [CLUSTER] SCHEMA.TABLE} arguments of a table operation. */
public record TableTarget(String cluster, TableName table) {

    public static TableTarget of(List<String> positional) {
        if (positional.isEmpty() || positional.size() > 2) {
            throw AceException.usage("expected [CLUSTER] SCHEMA.TABLE, got: " + String.join(" ", positional));
        }
        return new TableTarget(positional.size() == 2 ? positional.get(0) : null, TableName.parse(positional.get(positional.size() - 1)));
    }
}
