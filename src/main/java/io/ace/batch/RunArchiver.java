package io.ace.batch;

import io.ace.exit.UserInput;
import io.ace.json.IsoTime;
import io.ace.operation.RunIdentity;
import io.ace.report.archive.ArchivedRun;
import io.ace.report.archive.ReportArchive;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * Hands the reports of every execution that ran to the {@link ReportArchive}. Archiving never
 * changes a run's result: when it fails, the error is logged and the run's exit code stands.
 */
public final class RunArchiver {

    private static final Logger LOG = LoggerFactory.getLogger(RunArchiver.class);

    private final ReportArchive archive;
    private final String toolVersion;

    public RunArchiver(ReportArchive archive, String toolVersion) {
        this.archive = archive;
        this.toolVersion = toolVersion;
    }

    /**
     * Archives what the run wrote into {@code outputDir}. A completed run is archived even with no
     * report (an in-sync diff writes none), as proof it ran; a stopped or failed run only when it
     * wrote something. A file its context records elsewhere (the record was edited) is not copied.
     */
    void archive(JobExecution execution, RunOutcome outcome, Path outputDir) {
        List<Path> files = outcome.reportFiles().stream().map(ReportFile::path).filter(f -> {
            boolean written = ReportsDirectory.inside(outputDir, f);
            if (!written) {
                LOG.warn("job execution {} records a report outside its output directory {}; not archived: {}", execution.getId(),
                        UserInput.escaped(outputDir.toString()), UserInput.escaped(f.toString()));
            }
            return written;
        }).toList();
        if (files.isEmpty() && execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        Path entry = archive.root();
        try {
            ArchivedRun run = describe(execution, outcome);
            entry = archive.entryDirectory(run);
            // a diff file's digest as the run recorded it: the archive keeps what the run wrote
            archive.archive(run, files, RunContext.of(execution)::diffFileSha256);
        } catch (Exception e) {
            LOG.error("could not archive the reports of job execution {} in {}: {}", execution.getId(), entry, e.toString());
        }
    }

    private ArchivedRun describe(JobExecution execution, RunOutcome outcome) {
        JobParameters parameters = execution.getJobParameters();
        RunIdentity identity = RunIdentity.of(parameters);
        // sorted: the repository hands them over in no stable order, and manifests are compared by eye
        List<ArchivedRun.Parameter> recorded = parameters.parameters().stream()
                .map(p -> new ArchivedRun.Parameter(p.name(), String.valueOf(p.value()), p.identifying()))
                .sorted(Comparator.comparing(ArchivedRun.Parameter::name)).toList();
        return new ArchivedRun(execution.getId(), execution.getJobInstance().getInstanceId(), execution.getJobInstance().getJobName(),
                identity.cluster(), identity.target(), identity.runKey(), recorded,
                toolVersion, execution.getStatus().name(), outcome.exitCode().code(), outcome.message(),
                IsoTime.withOffset(execution.getStartTime()), IsoTime.withOffset(execution.getEndTime()));
    }
}
