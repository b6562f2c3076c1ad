package io.ace.repair;

import io.ace.exit.AceException;

/**
 * How a repair decides what to write.
 *
 * @param sourceOfTruth the node every other node is made to match (null for bidirectional / fix-nulls)
 * @param upsertOnly    with a source: insert and update, never delete
 * @param insertOnly    with a source: only insert rows missing on the target
 * @param bidirectional no source: insert each side's missing rows into the other; modified rows untouched
 * @param fixNulls      no source: for keys on both sides, fill columns NULL on one side from the other
 * @param fireTriggers  let user triggers fire (by default they do not)
 * @param dryRun        change nothing; count and list the statements that would run
 */
public record RepairOptions(String sourceOfTruth, boolean upsertOnly, boolean insertOnly, boolean bidirectional,
                            boolean fixNulls, boolean fireTriggers, boolean dryRun) {

    public RepairOptions validate() {
        if (upsertOnly && insertOnly) {
            throw AceException.usage("--upsert-only and --insert-only exclude each other: choose one");
        }
        if (bidirectional && fixNulls) {
            throw AceException.usage("--bidirectional and --fix-nulls exclude each other: run them one after the other");
        }
        boolean sourceless = bidirectional || fixNulls;
        if (sourceless && sourceOfTruth != null) {
            throw AceException.usage("--source-of-truth does not apply to " + (bidirectional ? "--bidirectional" : "--fix-nulls")
                    + ", which take values from both sides");
        }
        if (sourceless && (upsertOnly || insertOnly)) {
            throw AceException.usage("--upsert-only and --insert-only need --source-of-truth, not " + (bidirectional ? "--bidirectional" : "--fix-nulls"));
        }
        if (!sourceless && sourceOfTruth == null) {
            throw AceException.usage("--source-of-truth NODE is required (or --bidirectional, or --fix-nulls)");
        }
        return this;
    }

    public String mode() {
        if (bidirectional) {
            return "bidirectional";
        }
        if (fixNulls) {
            return "fix-nulls";
        }
        return insertOnly ? "insert-only" : upsertOnly ? "upsert-only" : "source-of-truth";
    }
}
