package io.ace.operation;

import io.ace.catalog.TableName;
import java.util.List;

/** The {@code [CLUSTER] SCHEMA.TABLE} arguments of a table operation. */
public record TableTarget(String cluster, TableName table) {

    public static TableTarget of(List<String> positional) {
        if (positional.isEmpty() || positional.size() > 2) {
            throw NamedTarget.wrongArguments("SCHEMA.TABLE", positional);
        }
        return new TableTarget(positional.size() == 2 ? positional.get(0) : null, TableName.parse(positional.get(positional.size() - 1)));
    }
}
