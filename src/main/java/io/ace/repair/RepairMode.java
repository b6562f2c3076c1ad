package io.ace.repair;

import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import java.util.Arrays;

/** What a repair writes: from a source of truth (all of it, or only inserts and updates, or only inserts), or from both sides. */
public enum RepairMode {
    /** Make every other node match the source: insert, update and delete. */
    SOURCE_OF_TRUTH("source-of-truth", true),
    /** From the source: insert and update, never delete. */
    UPSERT_ONLY("upsert-only", true),
    /** From the source: only insert rows missing on the target. */
    INSERT_ONLY("insert-only", true),
    /** No source: insert each side's missing rows into the other; modified rows untouched. */
    BIDIRECTIONAL("bidirectional", false),
    /** No source: for keys on both sides, fill columns NULL on one side from the other. */
    FIX_NULLS("fix-nulls", false),
    /** A repair plan decides, key by key, what each node holds. */
    PLAN("repair-plan", false);

    private final String label;
    private final boolean fromSource;

    RepairMode(String label, boolean fromSource) {
        this.label = label;
        this.fromSource = fromSource;
    }

    /** As flags, reports and job parameters name it ({@code upsert-only}). */
    public String label() {
        return label;
    }

    /** Whether it takes rows from a source of truth (otherwise from both sides). */
    public boolean fromSource() {
        return fromSource;
    }

    public static RepairMode of(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst()
                .orElseThrow(() -> AceException.usage("unknown repair mode " + UserInput.quoted(label)));
    }

    /** The mode the command line's flags choose (none: from the source of truth), or a usage error for flags that exclude each other. */
    public static RepairMode of(boolean upsertOnly, boolean insertOnly, boolean bidirectional, boolean fixNulls, boolean plan) {
        if (plan && (upsertOnly || insertOnly || bidirectional || fixNulls)) {
            throw AceException.usage("a repair plan decides per row what each node gets; leave out --upsert-only, --insert-only, --bidirectional"
                    + " and --fix-nulls (a plan's actions include them)");
        }
        if (plan) {
            return PLAN;
        }
        if (upsertOnly && insertOnly) {
            throw AceException.usage("--upsert-only and --insert-only exclude each other: choose one");
        }
        if (bidirectional && fixNulls) {
            throw AceException.usage("--bidirectional and --fix-nulls exclude each other: run them one after the other");
        }
        if ((bidirectional || fixNulls) && (upsertOnly || insertOnly)) {
            throw AceException.usage("--upsert-only and --insert-only need --source-of-truth, not " + (bidirectional ? "--bidirectional" : "--fix-nulls"));
        }
        return bidirectional ? BIDIRECTIONAL : fixNulls ? FIX_NULLS : upsertOnly ? UPSERT_ONLY : insertOnly ? INSERT_ONLY : SOURCE_OF_TRUTH;
    }

    @Override
    public String toString() {
        return label;
    }
}
