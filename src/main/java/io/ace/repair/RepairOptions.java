package io.ace.repair;

import io.ace.exit.AceException;

/**
 * How a repair decides what to write.
 *
 * @param sourceOfTruth  the node every other node is made to match (null when the mode takes from both sides,
 *                       or when recovery chooses it)
 * @param mode           what it writes
 * @param fireTriggers   let user triggers fire (by default they do not)
 * @param dryRun         change nothing; count and list the statements that would run
 * @param recovery       repair a diff of a failed node's writes from the node that received most of them
 * @param preserveOrigin write each row under the origin and commit time of the change it copies
 */
public record RepairOptions(String sourceOfTruth, RepairMode mode, boolean fireTriggers, boolean dryRun, boolean recovery,
                            boolean preserveOrigin) {

    public RepairOptions(String sourceOfTruth, RepairMode mode, boolean fireTriggers, boolean dryRun) {
        this(sourceOfTruth, mode, fireTriggers, dryRun, false, false);
    }

    public RepairOptions validate() {
        if (!mode.fromSource() && (recovery || preserveOrigin)) {
            throw AceException.usage((recovery ? "--recovery-mode" : "--preserve-origin") + " copies rows from a source, which --"
                    + mode.label() + " does not have");
        }
        if (!mode.fromSource() && mode != RepairMode.PLAN && sourceOfTruth != null) {
            throw AceException.usage("--source-of-truth does not apply to --" + mode.label() + ", which takes values from both sides");
        }
        if (mode == RepairMode.PLAN && sourceOfTruth != null) {
            throw AceException.usage("a repair plan names the node each row is taken from; leave out --source-of-truth");
        }
        if (mode.fromSource() && sourceOfTruth == null && !recovery) {
            throw AceException.usage("--source-of-truth NODE is required (or --recovery-mode, --bidirectional, --fix-nulls)");
        }
        return this;
    }

    /** The same options with the source recovery chose. */
    public RepairOptions from(String source) {
        return new RepairOptions(source, mode, fireTriggers, dryRun, recovery, preserveOrigin);
    }
}
