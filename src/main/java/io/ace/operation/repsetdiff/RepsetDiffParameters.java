package io.ace.operation.repsetdiff;

import io.ace.diff.ColumnChoice;
import io.ace.diff.ColumnChoices;
import io.ace.diff.DiffOptions;
import io.ace.exit.AceException;
import io.ace.operation.DiffParameters;
import io.ace.operation.DistributedOption;
import io.ace.operation.ParameterCodec;
import io.ace.operation.RunIdentity;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A repset-diff request as job parameters. Identifying: the tables left out and the comparison
 * settings; the pace, the session budget and the output may change
 * between a run and its resumption.
 */
final class RepsetDiffParameters implements ParameterCodec<RepsetDiffRequest> {

    @Override
    public JobParameters encode(RepsetDiffRequest request) {
        JobParametersBuilder builder = new JobParametersBuilder();
        DiffParameters.addTableSet(builder, request.skipTables(), request.maxConnections());
        DistributedOption.add(builder, request.distributed());
        String byTable = new ColumnChoices(ColumnChoice.ALL, request.columnsByTable()).recorded();
        if (byTable.length() > DiffOptions.MAX_TABLE_FILTER_LENGTH) {
            throw AceException.usage("--columns-file chooses columns for too many tables to record with the run (" + byTable.length()
                    + " characters, at most " + DiffOptions.MAX_TABLE_FILTER_LENGTH + "); split the set's run with --skip-tables");
        }
        builder.addString("columns_by_table", byTable);
        return DiffParameters.addOutput(DiffParameters.add(builder, request.options()), request.html(),
                request.maxHtmlRows()).toJobParameters();
    }

    @Override
    public RepsetDiffRequest decode(RunIdentity id, JobParameters p) {
        return new RepsetDiffRequest(id.cluster(), id.target(), DiffParameters.read(p), DiffParameters.skipTables(p),
                DiffParameters.maxConnections(p), id.runKey(), id.outputDir(), DiffParameters.html(p), DiffParameters.maxHtmlRows(p), DistributedOption.read(p),
                ColumnChoices.ofRecorded(p.getString("columns_by_table", "")));
    }
}
