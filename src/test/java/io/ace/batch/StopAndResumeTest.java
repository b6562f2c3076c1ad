package io.ace.batch;

import io.ace.audit.AuditLog;
import io.ace.testing.Ace;
import io.ace.testing.BusySessions;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ace jobs stop} stops a running diff after its current block (exit 3); the same run key resumes it. */
@OnCluster
class StopAndResumeTest {

    @Test
    void stoppedRunExits3AndResumes(LocalCluster cluster, Ace ace) throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.stoppable; CREATE TABLE public.stoppable (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.stoppable SELECT g, 'v' FROM generate_series(1, 30000) g; ANALYZE public.stoppable", "n1", "n2");
        cluster.sql("UPDATE public.stoppable SET v = 'w' WHERE id IN (5, 29995)", "n2");
        String[] command = {"table-diff", "local", "public.stoppable", "--nodes", "n1,n2", "--block-size", "100",
            "--concurrency-factor", "0.5", "--target-query-time", "0.000001", "--max-load", "1", "--run-key", "stop-me"};
        JobRepository repository = ace.context().getBean(JobRepository.class);
        CompletableFuture<Ace.Result> running;
        JobExecution execution;
        // two busy sessions on n2 hold hashing back (--max-load 1) all along: the stop is seen while the run waits
        try (BusySessions hold = cluster.busySessions("n2", 2)) {
            running = CompletableFuture.supplyAsync(() -> ace.run(command));
            execution = await("a running execution").atMost(Duration.ofSeconds(60))
                    .until(() -> repository.findRunningJobExecutions("table-diff").stream().findFirst().orElse(null),
                            e -> e != null);
            try (Ace operator = new Ace(cluster.serviceFile(), ace.home())) {
                // the wait is on record, with why, for every reader of the repository
                await("the pause shown").atMost(Duration.ofSeconds(30)).until(() -> operator.run("jobs", "show",
                        Long.toString(execution.getId())).out(), out -> out.contains("paused: n2 has 2 active sessions (limit --max-load 1)"));
                Ace.Result stop = operator.run("jobs", "stop", Long.toString(execution.getId()));
                assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(0);
            }
            Ace.Result stopped = running.get(15, TimeUnit.SECONDS);
            assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(3);
            assertThat(stopped.diffFile()).isNull();
        }

        // the command line's launch and stop are in the audit log, by the operating-system user, as the web's are
        String user = System.getProperty("user.name") + " (command line)";
        assertThat(ace.context().getBean(AuditLog.class).recent(0, 50)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(user);
            assertThat(e.action()).isEqualTo("stop");
            assertThat(e.executionId()).isEqualTo(execution.getId());
        }).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(user);
            assertThat(e.action()).isEqualTo("launch");
            assertThat(e.subject()).isEqualTo("table-diff local public.stoppable");
            assertThat(e.outcome()).contains("was stopped");
        });
        assertThat(repository.getJobExecution(execution.getId()).getJobParameters().getString("launched_by")).isEqualTo(user);

        Ace.Result resumed = ace.run(command);
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(1);
        assertThat(resumed.diff().get("summary").get("total_rows_checked").asLong()).isEqualTo(30000);
        assertThat(resumed.diff().get("summary").get("diff_rows_count").get("n1/n2").asInt()).isEqualTo(2);
    }
}
