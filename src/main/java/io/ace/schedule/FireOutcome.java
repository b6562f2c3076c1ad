package io.ace.schedule;

/** What became of one fire of a schedule. */
public enum FireOutcome {
    /** The run started (or resumed); its execution id is recorded. */
    LAUNCHED,
    /** Not launched: the previous fire's run was still going, or this fire's run key had already completed. */
    SKIPPED,
    /** Not launched: the scheduler was not running (or running late) when it was due. */
    MISSED,
    /** The launch was refused or failed before the run started (unknown cluster, unreachable node, ...). */
    LAUNCH_FAILED
}
