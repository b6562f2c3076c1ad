package io.ace.operation;

import io.ace.diff.Equality;
import picocli.CommandLine.Option;

/** {@code --equality}: the rules of "equal" a comparison (or a Merkle tree's hashes) follows. */
public class EqualityOption {

    @Option(names = "--equality", paramLabel = "exact|semantic",
            description = "exact: same value in the same representation (default); semantic: each type's equality operator.")
    String equality = "exact";

    /** The rules asked for; a usage error (exit 64) for another word. */
    public Equality value() {
        return Equality.parse(equality);
    }
}
