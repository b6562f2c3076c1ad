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

    /**
     * The options, for a diff file that compared a table without a key as a multiset of whole rows:
     * a repair then makes each target hold as many copies of each listed row as the source of
     * truth held (or with --insert-only, inserts the missing ones). An option that cannot apply
     * to copies is a usage error that names it and says why.
     */
    public RepairOptions forMultiset() {
        String refused = switch (mode) {
            case BIDIRECTIONAL -> "--bidirectional inserts each side's missing rows into the other, and a copy missing on one side cannot"
                    + " be told from one deleted there on purpose; name a --source-of-truth, whose copies the others are made to hold";
            case FIX_NULLS -> "--fix-nulls fills a row's columns from the same key's row on another node, and a multiset's rows have no key";
            case PLAN -> "a repair plan (--repair-plan, --repair-plan-name) decides row by row by key, and a multiset's rows have no key;"
                    + " name a --source-of-truth instead";
            case UPSERT_ONLY -> "--upsert-only updates rows in place by key, and a multiset's copies are only inserted or deleted;"
                    + " use --insert-only to only insert the missing copies";
            default -> recovery ? "--recovery-mode repairs a diff of a failed node's writes (table-diff --against-origin), which"
                    + " matches rows by key; name a --source-of-truth"
                    : preserveOrigin ? "--preserve-origin writes each row under the origin of the change it copies, and a multiset's"
                    + " copies are inserted with the diff file's values, which carry no origin; leave it out" : null;
        };
        if (refused != null) {
            throw AceException.usage("the diff file compared the table as a multiset of whole rows (it has no key): " + refused);
        }
        return this;
    }

    /** The same options with the source recovery chose. */
    public RepairOptions from(String source) {
        return new RepairOptions(source, mode, fireTriggers, dryRun, recovery, preserveOrigin);
    }
}
