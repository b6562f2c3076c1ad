package io.ace.operation;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Option;

/**
 * {@code --distributed}, which every partitioned operation takes: its partitions run in worker
 * processes ({@code ace worker}) instead of this process's threads. Recorded as a job parameter
 * that does not identify the run, so a run may resume locally or distributed; without the flag
 * {@code ace.partitioning} decides.
 */
public class DistributedOption {

    /** The job parameter: present on the runs of every partitioned operation, {@code true} when the launch asked for workers. */
    public static final String PARAMETER = "distributed";

    @Option(names = "--distributed",
            description = "Run the partitions in worker processes (ace worker) that share this job repository (PostgreSQL);"
                    + " default: ace.partitioning.")
    boolean distributed;

    public boolean value() {
        return distributed;
    }

    public static JobParametersBuilder add(JobParametersBuilder builder, boolean distributed) {
        return builder.addString(PARAMETER, Boolean.toString(distributed), false);
    }

    public static boolean read(JobParameters parameters) {
        return Boolean.parseBoolean(parameters.getString(PARAMETER, "false"));
    }
}
