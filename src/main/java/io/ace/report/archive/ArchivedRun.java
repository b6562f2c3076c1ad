package io.ace.report.archive;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the archive records about the run that wrote the reports.
 *
 * @param executionId   the job execution
 * @param jobInstanceId the job instance (the run key's run, across restarts)
 * @param operation     {@code table-diff}, {@code table-repair}, ...
 * @param cluster       the cluster's name
 * @param target        what the operation ran on, {@code schema.table}
 * @param runKey        the run key
 * @param parameters    every job parameter (they never hold a password)
 * @param toolVersion   the version of ACE that ran it
 * @param status        the execution's batch status ({@code COMPLETED}, {@code FAILED}, ...)
 * @param exitCode      the process exit code of the run
 * @param summary       the run's one-line result
 * @param startTime     when the execution started
 * @param endTime       when it ended
 */
public record ArchivedRun(long executionId, long jobInstanceId, String operation, String cluster, String target, String runKey,
                          List<Parameter> parameters, String toolVersion, String status, int exitCode, String summary,
                          OffsetDateTime startTime, OffsetDateTime endTime) {

    /** One job parameter as recorded in the job repository. */
    public record Parameter(String name, String value, boolean identifying) {
    }
}
