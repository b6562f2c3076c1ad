package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.AceProcess;
import io.ace.testing.LocalCluster;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM Error inside a step (the heap or a thread's stack really exhausted) fails the execution
 * with a message that says what happened and what to change; the job repository stays usable,
 * and the same command with the same run key resumes and completes.
 */
class StepErrorIT {

    static LocalCluster cluster;

    @BeforeAll
    static void setUp() {
        cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.errs; CREATE TABLE public.errs (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.errs SELECT g, md5(g::text) FROM generate_series(1, 20000) g; ANALYZE public.errs;", "n1", "n2");
        cluster.sql("UPDATE public.errs SET v = 'changed' WHERE id % 997 = 0", "n2");
    }

    private static String[] diff(Path home, String runKey) {
        return new String[] {"table-diff", "local", "public.errs", "--nodes", "n1,n2", "--block-size", "1000",
            "--concurrency-factor", "0.5", "--run-key", runKey, "--output-dir", home.resolve("out").toString()};
    }

    /** A JVM error raised for real in a partition, the heap it runs in, and what the failure line must say. */
    @ParameterizedTest
    @CsvSource({"out-of-memory, 128m, out of memory (Java heap space), -Xmx", "stack-overflow, 256m, stack overflow, -Xss"})
    void aJvmErrorInAStepFailsTheExecutionRestartably(String failWith, String heap, String what, String setting, @TempDir Path home) {
        String runKey = failWith + "-1";
        AceProcess failing = new AceProcess(cluster, home, "-Xmx" + heap + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                + " -Dace.testing.fail-before-block=7 -Dace.testing.fail-with=" + failWith);
        Ace.Result failed = failing.run(Duration.ofMinutes(3), diff(home, runKey));
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
        assertThat(failed.err()).contains("failed in step hash-partition:partition-").contains(what).contains(setting)
                .contains("launch the same command with --run-key " + runKey + " to resume it").doesNotContain("\tat ");
        resumesAndCompletes(home, runKey);
    }

    /** The repository answers, shows the execution FAILED, and the same run key resumes it to the result of a clean run. */
    private static void resumesAndCompletes(Path home, String runKey) {
        AceProcess ace = new AceProcess(cluster, home, null);
        Ace.Result jobs = ace.run(Duration.ofMinutes(1), "jobs", "list");
        assertThat(jobs.exitCode()).as(jobs.toString()).isZero();
        assertThat(jobs.out()).containsPattern("table-diff +FAILED .*" + runKey);

        Ace.Result resumed = ace.run(Duration.ofMinutes(3), diff(home, runKey));
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
        Ace.Result clean = ace.run(Duration.ofMinutes(3), diff(home, runKey + "-clean"));
        assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(1);
        assertThat(resumed.diff().get("diffs")).isEqualTo(clean.diff().get("diffs"));
        assertThat(resumed.diff().get("summary").get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(20);
        assertThat(ace.run(Duration.ofMinutes(1), diff(home, runKey)).exitCode()).as("already completed").isEqualTo(4);
    }
}
