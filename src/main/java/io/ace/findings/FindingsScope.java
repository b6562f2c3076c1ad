package io.ace.findings;

/**
 * Whose findings: one run (job instance) and, in a run that compares many tables, which of them.
 *
 * @param jobInstanceId the run
 * @param part          the table within the run (0 for a run of one table)
 */
public record FindingsScope(long jobInstanceId, int part) {

    /** The findings of a run that works on one table. */
    public static FindingsScope of(long jobInstanceId) {
        return new FindingsScope(jobInstanceId, 0);
    }
}
