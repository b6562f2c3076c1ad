package io.ace.repair.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What happens on one node. */
public sealed interface Outcome permits Outcome.Untouched, Outcome.Absent, Outcome.Present {

    /** Leave the node as it is. */
    record Untouched() implements Outcome {
    }

    /** The node must not have the row (delete it if it has it). */
    record Absent() implements Outcome {
    }

    /** The node must hold exactly this row: every column, PostgreSQL text, null for SQL NULL. */
    record Present(Map<String, String> row) implements Outcome {

        public Present {
            // a copy that keeps the column order and allows NULLs, which Map.copyOf does not
            row = Collections.unmodifiableMap(new LinkedHashMap<>(row));
        }
    }
}
