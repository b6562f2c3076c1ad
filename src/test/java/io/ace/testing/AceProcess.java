package io.ace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged application through {@code scripts/ace}, as an operator does, against a
 * cluster's service file with a job repository in {@code home}. Output goes to files in
 * {@code home}, so a talkative run never blocks on a full pipe.
 */
public final class AceProcess {

    private final LocalCluster cluster;
    private final Path home;
    private final String javaOptions;
    private int runs;

    /** With {@code javaOptions} (null: the launcher's defaults) in {@code ACE_JAVA_OPTS}. */
    public AceProcess(LocalCluster cluster, Path home, String javaOptions) {
        this.cluster = cluster;
        this.home = home;
        this.javaOptions = javaOptions;
    }

    public Path home() {
        return home;
    }

    /** Starts {@code scripts/ace args...}; its output goes to files named after the run. */
    public Process start(String... args) {
        List<String> command = new ArrayList<>();
        command.add(LocalCluster.projectRoot().resolve("scripts/ace").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("ACE_PGSERVICEFILE", cluster.serviceFile().toString());
        pb.environment().put("ACE_HOME", home.toString());
        if (javaOptions != null) {
            pb.environment().put("ACE_JAVA_OPTS", javaOptions);
        }
        int run = ++runs;
        pb.redirectOutput(home.resolve("run-" + run + ".out").toFile());
        pb.redirectError(home.resolve("run-" + run + ".err").toFile());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code scripts/ace args...} to its end (at most {@code timeout}). */
    public Ace.Result run(Duration timeout, String... args) {
        Process p = start(args);
        int run = runs;
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("scripts/ace " + String.join(" ", args) + " did not end within " + timeout);
            }
            return Ace.Result.of(p.exitValue(), Files.readString(home.resolve("run-" + run + ".out"), StandardCharsets.UTF_8),
                    Files.readString(home.resolve("run-" + run + ".err"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
