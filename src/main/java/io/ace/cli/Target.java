package io.ace.cli;

import io.ace.exit.AceException;
import io.ace.catalog.TableName;
import java.util.List;

/** The {@code [CLUSTER] SCHEMA.TABLE} arguments every table command takes. */
record Target(String cluster, TableName table) {

    static Target of(List<String> positional) {
        if (positional.size() > 2) {
            throw AceException.usage("expected [CLUSTER] SCHEMA.TABLE, got: " + String.join(" ", positional));
        }
        return new Target(positional.size() == 2 ? positional.get(0) : null, TableName.parse(positional.get(positional.size() - 1)));
    }
}
