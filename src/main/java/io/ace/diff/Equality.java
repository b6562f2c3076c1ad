package io.ace.diff;

import io.ace.exit.AceException;

/** What makes two values equal (README, "What equal means"). */
public enum Equality {
    /** Same value in the same representation: what an application reads back is identical. */
    EXACT,
    /** Each type's own equality operator (numeric scale, interval units, sign of zero ignored). */
    SEMANTIC;

    /** {@code --equality exact|semantic}; a usage error otherwise. */
    public static Equality parse(String text) {
        return switch (text.toLowerCase()) {
            case "exact" -> EXACT;
            case "semantic" -> SEMANTIC;
            default -> throw AceException.usage("--equality must be exact or semantic, got '" + text + "'");
        };
    }
}
