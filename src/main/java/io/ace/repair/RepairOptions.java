package io.ace.repair;

import io.ace.exit.AceException;

/**
 * How a repair decides what to write.
 *
 * @param sourceOfTruth the node every other node is made to match (null when the mode takes from both sides)
 * @param mode          what it writes
 * @param fireTriggers  let user triggers fire (by default they do not)
 * @param dryRun        change nothing; count and list the statements that would run
 */
public record RepairOptions(String sourceOfTruth, RepairMode mode, boolean fireTriggers, boolean dryRun) {

    public RepairOptions validate() {
        if (!mode.fromSource() && sourceOfTruth != null) {
            throw AceException.usage("--source-of-truth does not apply to --" + mode.label() + ", which takes values from both sides");
        }
        if (mode.fromSource() && sourceOfTruth == null) {
            throw AceException.usage("--source-of-truth NODE is required (or --bidirectional, or --fix-nulls)");
        }
        return this;
    }
}
