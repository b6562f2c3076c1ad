package io.ace.report.archive;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One archived run, as the archive lists it.
 *
 * @param path        the entry's directory relative to the archive root, {@code YYYY/MM/DD/<id>-<operation>-<target>}
 * @param executionId the job execution that wrote the reports
 * @param operation   {@code table-diff}, {@code table-repair}, ...
 * @param cluster     the cluster's name
 * @param target      {@code schema.table}
 * @param status      the execution's batch status
 * @param exitCode    the run's process exit code
 * @param summary     the run's one-line result
 * @param startTime   when the execution started
 * @param files       the report files kept in the entry
 */
public record ArchiveEntry(String path, long executionId, String operation, String cluster, String target, String status,
                           int exitCode, String summary, OffsetDateTime startTime, List<ArchivedFile> files) {

    static ArchiveEntry of(String path, Manifest manifest) {
        ArchivedRun run = manifest.run();
        return new ArchiveEntry(path, run.executionId(), run.operation(), run.cluster(), run.target(), run.status(),
                run.exitCode(), run.summary(), run.startTime(), manifest.files());
    }
}
