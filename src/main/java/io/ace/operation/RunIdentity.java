package io.ace.operation;

import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What every run records about itself, whatever its operation: the operation, the cluster, what it
 * works on, the run key and where its reports go. {@link Operation#parameters} writes it from the
 * request's type, so an operation's {@link ParameterCodec} adds only its own parameters and cannot
 * forget one; everything that lists, restarts or archives runs reads it here, by these names only.
 *
 * @param target a table's name for a table's operation, else what the operator named (a set, a schema), or empty
 */
public record RunIdentity(String operation, String cluster, String target, String runKey, Path outputDir) {

    public static final String OPERATION = "operation";
    public static final String CLUSTER = "cluster";
    /** The target of an operation on one table; the name every release has recorded it under, so their runs still resume. */
    public static final String TABLE = "table";
    /** The target of any other operation. */
    public static final String TARGET = "target";
    public static final String RUN_KEY = "run_key";
    public static final String OUTPUT_DIR = "output_dir";
    /** Who launched this execution ({@link LaunchedBy#text()}); not identifying: a restart may be someone else's. */
    public static final String LAUNCHED_BY = "launched_by";
    /** The parameters a run's target may be recorded under. */
    public static final List<String> TARGET_NAMES = List.of(TABLE, TARGET);

    private static final List<String> NAMES = List.of(OPERATION, CLUSTER, TABLE, TARGET, RUN_KEY, OUTPUT_DIR, LAUNCHED_BY);

    public static RunIdentity of(LaunchRequest request) {
        return new RunIdentity(request.operation(), request.cluster(), request.target(), request.runKey(), request.outputDir());
    }

    /** Who launched the execution of these parameters, or {@code unknown} for one an earlier version recorded. */
    public static String launchedBy(JobParameters p) {
        return p.getString(LAUNCHED_BY, "unknown");
    }

    /** The identity a run recorded; its target under either name. */
    public static RunIdentity of(JobParameters p) {
        String outputDir = p.getString(OUTPUT_DIR, "");
        return new RunIdentity(p.getString(OPERATION, ""), p.getString(CLUSTER, ""), p.getString(TABLE, p.getString(TARGET, "")),
                p.getString(RUN_KEY, ""), outputDir.isEmpty() ? null : Path.of(outputDir));
    }

    /**
     * The parameters of a launch: this identity, then an operation's own. Identifying: all but the
     * output directory, which may change between a run and its resumption.
     *
     * @param table whether the target is a table (recorded as {@link #TABLE})
     */
    JobParameters with(JobParameters own, boolean table) {
        own.parameters().stream().map(p -> p.name()).filter(NAMES::contains).findFirst().ifPresent(name -> {
            throw new IllegalStateException("the parameters of " + operation + " write '" + name + "', which is the run's identity");
        });
        return new JobParametersBuilder(own)
                .addString(OPERATION, operation)
                .addString(CLUSTER, cluster)
                .addString(table ? TABLE : TARGET, target)
                .addString(RUN_KEY, runKey)
                .addString(OUTPUT_DIR, outputDir.toAbsolutePath().toString(), false)
                .toJobParameters();
    }
}
