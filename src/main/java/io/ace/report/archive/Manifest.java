package io.ace.report.archive;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import java.util.List;

/** An archive entry's {@code manifest.json}: the run's fields, when it was archived, and its files. */
record Manifest(@JsonUnwrapped ArchivedRun run, OffsetDateTime archivedAt, List<ArchivedFile> files) {
}
