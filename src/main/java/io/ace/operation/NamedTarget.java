package io.ace.operation;

import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import java.util.List;

/** The {@code [CLUSTER] NAME} arguments of an operation on a named object other than a table (a replication set, a schema). */
public record NamedTarget(String cluster, String name) {

    /** {@code label}: what the name is, as the usage line says it ({@code REPSET}, {@code SCHEMA}). */
    public static NamedTarget of(List<String> positional, String label) {
        if (positional.isEmpty() || positional.size() > 2 || positional.get(positional.size() - 1).isBlank()) {
            throw wrongArguments(label, positional);
        }
        return new NamedTarget(positional.size() == 2 ? positional.get(0) : null, positional.get(positional.size() - 1));
    }

    /** The usage error for positional arguments that are not {@code [CLUSTER] label}; long values shown by their length only. */
    static AceException wrongArguments(String label, List<String> positional) {
        return AceException.usage("expected [CLUSTER] " + label + ", got " + positional.size() + " argument" + (positional.size() == 1 ? "" : "s")
                + (positional.isEmpty() ? "" : ": " + String.join(" ", positional.stream().map(UserInput::quoted).toList())));
    }
}
