package io.ace.batch;

import io.micrometer.core.instrument.Counter;
import org.springframework.batch.core.job.JobExecution;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * What runs did, for the Prometheus endpoint of {@code serve}: rows hashed, blocks compared,
 * differences found and job durations per operation and status.
 */
public final class RunMetrics {

    private final MeterRegistry registry;
    private final Counter rows;
    private final Counter blocks;
    private final Counter mismatchedBlocks;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rows = Counter.builder("ace.rows.hashed").description("Rows hashed, summed over the largest node of each block").register(registry);
        this.blocks = Counter.builder("ace.blocks.compared").description("Blocks compared across nodes").register(registry);
        this.mismatchedBlocks = Counter.builder("ace.blocks.mismatched").description("Blocks whose hashes differed").register(registry);
    }

    /** Without a registry (a command-line run): counted and forgotten. */
    public static RunMetrics unregistered() {
        return new RunMetrics(new SimpleMeterRegistry());
    }

    void blockCompared(long rowsHashed, boolean mismatched) {
        rows.increment(rowsHashed);
        blocks.increment();
        if (mismatched) {
            mismatchedBlocks.increment();
        }
    }

    void runEnded(JobExecution e, RunOutcome outcome) {
        String operation = outcome.operation();
        Counter.builder("ace.differences.found").description("Differing rows reported by completed runs").tag("operation", operation)
                .register(registry).increment(RunContext.of(e).differences());
        if (e.getStartTime() != null && e.getEndTime() != null) {
            Timer.builder("ace.job.duration").description("Duration of job executions").tag("operation", operation)
                    .tag("status", e.getStatus().name()).tag("exit_code", Integer.toString(outcome.exitCode().code()))
                    .register(registry).record(Duration.between(e.getStartTime(), e.getEndTime()));
        }
    }
}
