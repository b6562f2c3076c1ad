package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * A run that fails partway resumes with the same run key: committed partitions and blocks are
 * not hashed again, and the result equals that of an uninterrupted run.
 */
@OnCluster
class RestartTest {

    static LocalCluster cluster;

    static final String[] COMMAND = {"table-diff", "local", "public.restartable", "--nodes", "n1,n2", "--block-size", "100",
        "--concurrency-factor", "0.5"};

    @BeforeAll
    static void setUp(LocalCluster localCluster) {
        cluster = localCluster;
        cluster.sql("DROP TABLE IF EXISTS public.restartable; CREATE TABLE public.restartable (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.restartable SELECT g, md5(g::text) FROM generate_series(1, 2000) g; ANALYZE public.restartable;",
                "n1", "n2");
        cluster.sql("UPDATE public.restartable SET v = 'changed' WHERE id % 97 = 0; DELETE FROM public.restartable WHERE id = 1999", "n2");
    }

    private static String[] withRunKey(String key) {
        String[] args = java.util.Arrays.copyOf(COMMAND, COMMAND.length + 2);
        args[COMMAND.length] = "--run-key";
        args[COMMAND.length + 1] = key;
        return args;
    }

    @Test
    void failedPartitionResumesWhereItStoppedAndResultEqualsCleanRun(@TempDir Path home) throws Exception {
        Ace.Result failed;
        try (Ace failing = new Ace(cluster.serviceFile(), home, "ace.testing.fail-before-block=12")) {
            failed = failing.run(withRunKey("nightly-1"));
        }
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
        assertThat(failed.err()).contains("failure injected before block 12").contains("--run-key");
        assertThat(failed.diffFile()).isNull();

        try (Ace ace = new Ace(cluster.serviceFile(), home)) {
            Ace.Result resumed = ace.run(withRunKey("nightly-1"));
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);

            JobRepository repository = ace.context().getBean(JobRepository.class);
            var instance = repository.getJobInstances("table-diff", 0, 10).stream()
                    .filter(i -> repository.getJobExecutions(i).stream().anyMatch(e -> "nightly-1".equals(e.getJobParameters().getString("run_key"))))
                    .findFirst().orElseThrow();
            var executions = repository.getJobExecutions(instance);
            assertThat(executions).hasSize(2);
            JobExecution second = executions.stream().max(java.util.Comparator.comparingLong(JobExecution::getId)).orElseThrow();
            Map<String, StepExecution> steps = new TreeMap<>();
            second.getStepExecutions().forEach(s -> steps.put(s.getStepName(), s));
            // 20 blocks in 4 partitions of 5, one at a time: 0, 1 and 3 completed in the first execution, only 2 runs again
            assertThat(steps.keySet()).containsExactlyInAnyOrder("hash", "hash-partition:partition-000002", "recheck", "report");
            StepExecution resumedPartition = steps.get("hash-partition:partition-000002");
            assertThat(resumedPartition.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            // blocks 10 and 11 were compared in the same transaction as the failure before 12 (one per hashing
            // statement's blocks), so they rolled back with it and the resumed partition compares 10 to 14
            assertThat(resumedPartition.getReadCount()).isEqualTo(5);

            Ace.Result clean = ace.run(withRunKey("clean"));
            assertThat(clean.exitCode()).isEqualTo(1);
            assertThat(resumed.diff().get("diffs")).isEqualTo(clean.diff().get("diffs"));
            assertThat(resumed.diff().get("summary").get("total_rows_checked")).isEqualTo(clean.diff().get("summary").get("total_rows_checked"));
            assertThat(clean.diff().get("summary").get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(21);

            Ace.Result again = ace.run(withRunKey("nightly-1"));
            assertThat(again.exitCode()).as(again.toString()).isEqualTo(4);
            assertThat(again.out()).contains("already completed");
        }
    }

    @Test
    void planIsFrozenSoARestartCoversTheSameKeySpace(@TempDir Path home) {
        try (Ace failing = new Ace(cluster.serviceFile(), home, "ace.testing.fail-before-block=19")) {
            assertThat(failing.run(withRunKey("frozen")).exitCode()).isEqualTo(2);
        }
        // the table grows a lot between the failure and the restart: a fresh plan would have 60 blocks; the frozen
        // one still has 20, and its last (open-ended) block, hashed after the restart, sees the new rows
        cluster.sql("INSERT INTO public.restartable SELECT g, md5(g::text) FROM generate_series(100001, 104000) g; ANALYZE public.restartable",
                "n1", "n2");
        try (Ace ace = new Ace(cluster.serviceFile(), home)) {
            Ace.Result resumed = ace.run(withRunKey("frozen"));
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
            assertThat(resumed.diff().get("summary").get("initial_ranges_count").asInt()).isEqualTo(20);
            assertThat(resumed.diff().get("summary").get("total_rows_checked").asLong()).isEqualTo(6000);
        } finally {
            cluster.sql("DELETE FROM public.restartable WHERE id > 100000; ANALYZE public.restartable", "n1", "n2");
        }
    }
}
