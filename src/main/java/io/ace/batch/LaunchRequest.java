package io.ace.batch;

import io.ace.catalog.TableName;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * One launch of an operation, however it was asked for (command line, UI, API, scheduler): what
 * identifies the run and where its reports go. Converts to job parameters, so a restart from the
 * repository rebuilds exactly the same job.
 */
public sealed interface LaunchRequest permits TableDiffRequest, TableRepairRequest, TableRerunRequest {

    /** The operation, which is also the job's name ({@code table-diff}, ...). */
    String operation();

    String cluster();

    TableName table();

    String runKey();

    Path outputDir();

    JobParameters toJobParameters();
}
