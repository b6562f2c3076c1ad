package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * A run is owned by the process that runs it: a second launch of the same run key while the
 * first is alive elsewhere is refused (exit 75, naming the execution, host and process), and
 * nothing is recovered or launched. A repair must never run twice at once.
 */
@OnCluster
class SecondLaunchTest {

    @Test
    void aSecondLaunchOfARunningRepairIsRefusedAndChangesNothing(LocalCluster cluster, Ace ace) throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.owned; CREATE TABLE public.owned (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.owned SELECT g, 'v' || g FROM generate_series(1, 100) g", "n1", "n2");
        cluster.sql("UPDATE public.owned SET v = 'stale' WHERE id = 7", "n2");
        Ace.Result diff = ace.run("table-diff", "local", "public.owned", "--nodes", "n1,n2");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        String[] repair = {"table-repair", "local", "public.owned", "--diff-file", diff.diffFile().toString(), "--source-of-truth", "n1",
            "--run-key", "repair-once", "--output-dir", ace.outputDir().toString()};
        JobRepository repository = ace.context().getBean(JobRepository.class);

        CompletableFuture<Ace.Result> first;
        // a second launcher on the same repository (another application context, as another process would be) is
        // started before a lock on the repaired row holds the first repair in its transaction on n2: the lock must
        // not outlast the repair's lock timeout
        try (Ace second = new Ace(cluster.serviceFile(), ace.home());
             Connection holder = cluster.connect("n2"); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("SELECT * FROM public.owned WHERE id = 7 FOR UPDATE");
            first = CompletableFuture.supplyAsync(() -> ace.run(repair));
            JobExecution running = await("the first repair waiting for the row lock").atMost(Duration.ofSeconds(30))
                    .until(() -> repository.findRunningJobExecutions("table-repair").stream().findFirst().orElse(null),
                            e -> e != null && RunContext.of(e).owner() != null
                                    && cluster.count("n2", "SELECT count(*) FROM pg_locks WHERE NOT granted") > 0);

            Ace.Result refused = second.run(repair);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(75);
            assertThat(refused.err()).contains("job execution " + running.getId()).contains("host ").contains("process "
                    + ProcessHandle.current().pid()).contains("ace jobs stop " + running.getId());
            List<JobExecution> executions = repository.getJobExecutions(running.getJobInstance());
            assertThat(executions).as("nothing recovered, nothing launched").hasSize(1);
            assertThat(executions.get(0).isRunning()).isTrue();
            holder.rollback();
        }
        Ace.Result done = first.get(60, TimeUnit.SECONDS);
        assertThat(done.exitCode()).as(done.toString()).isEqualTo(0);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.owned WHERE v = 'stale'")).isZero();
    }
}
