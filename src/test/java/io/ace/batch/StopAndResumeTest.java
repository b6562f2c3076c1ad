package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/** {@code ace jobs stop} stops a running diff after its current block (exit 3); the same run key resumes it. */
class StopAndResumeTest {

    @Test
    void stoppedRunExits3AndResumes(@TempDir Path home) throws Exception {
        LocalCluster cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.stoppable; CREATE TABLE public.stoppable (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.stoppable SELECT g, 'v' FROM generate_series(1, 30000) g; ANALYZE public.stoppable", "n1", "n2");
        cluster.sql("UPDATE public.stoppable SET v = 'w' WHERE id IN (5, 29995)", "n2");
        String[] command = {"table-diff", "local", "public.stoppable", "--nodes", "n1,n2", "--block-size", "100",
            "--concurrency-factor", "0.5", "--target-query-time", "0.000001", "--run-key", "stop-me"};
        try (Ace ace = new Ace(cluster.serviceFile(), home); Ace operator = new Ace(cluster.serviceFile(), home)) {
            CompletableFuture<Ace.Result> running = CompletableFuture.supplyAsync(() -> ace.run(command));
            JobRepository repository = operator.context().getBean(JobRepository.class);
            JobExecution execution = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (execution == null && System.nanoTime() < deadline) {
                execution = repository.findRunningJobExecutions(TableDiffRequest.JOB_NAME).stream().findFirst().orElse(null);
                Thread.sleep(50);
            }
            assertThat(execution).as("a running execution").isNotNull();
            Thread.sleep(1_000);
            Ace.Result stop = operator.run("jobs", "stop", Long.toString(execution.getId()));
            assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(0);

            Ace.Result stopped = running.get(120, TimeUnit.SECONDS);
            assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(3);
            assertThat(stopped.diffFile()).isNull();

            Ace.Result resumed = ace.run(command);
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
            assertThat(resumed.diff().get("summary").get("total_rows_checked").asLong()).isEqualTo(30000);
            assertThat(resumed.diff().get("summary").get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(2);
        }
    }
}
