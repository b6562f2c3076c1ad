package io.ace.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.BusySessions;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The scheduler inside a serve process, against real nodes: every fire launches with its own run
 * key, bad definitions are reported while good ones run, file changes are picked up, a fire never
 * overlaps the previous run, fires missed while down are recorded, and a failing launch is recorded.
 */
@OnCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulerTest {

    private LocalCluster cluster;
    private Path jobs;
    private Path reports;
    private Ace ace;
    private Scheduler scheduler;

    @BeforeAll
    void start(LocalCluster localCluster, @TempDir Path home) throws IOException {
        cluster = localCluster;
        jobs = Files.createDirectories(home.resolve("jobs"));
        reports = home.resolve("reports");
        ace = new Ace(cluster.serviceFile(), home, "ace.serve.enabled=true", "ace.schedule.dir=" + jobs,
                "ace.schedule.reload-seconds=1", "ace.serve.output-dir=" + reports);
        scheduler = ace.context().getBean(Scheduler.class);
    }

    @AfterAll
    void stop() {
        ace.close();
    }

    /** Written whole in one step, so a reload never reads half a file. */
    private void define(String file, String yaml) throws IOException {
        Path partial = jobs.resolve("." + file + ".partial");
        Files.writeString(partial, yaml);
        Files.move(partial, jobs.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String everyTwoSeconds(String name, String extra) {
        return "name: " + name + "\ncron: \"*/2 * * * * *\"\ntime_zone: UTC\noperation: table-diff\n" + extra;
    }

    private List<FireRecord> fires(String name) {
        return scheduler.recentFires(1000).stream().filter(f -> f.scheduleName().equals(name)).toList();
    }

    private static <T> T await(String what, int seconds, Callable<T> value, Predicate<T> done) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(seconds)).until(value, done::test);
    }

    @Test
    void launchesEachFireWithItsOwnRunKeyReportsBadFilesAndFollowsChanges() throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.sched_small; CREATE TABLE public.sched_small (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.sched_small SELECT g, 'v' FROM generate_series(1, 200) g", "n1", "n2");
        cluster.sql("UPDATE public.sched_small SET v = 'w' WHERE id = 7", "n2");
        String good = everyTwoSeconds("small", "cluster: local\ntarget: public.sched_small\nflags:\n  nodes: [n1, n2]\n"
                + "  concurrency-factor: 0.5\n");
        define("small.yml", good);
        define("bad.yml", "name: bad\ncron: \"*/2 * * * * *\"\noperation: table-diff\ntarget: public.sched_small\nflags:\n"
                + "  nodes: n1,n2\n  block-size: -5\n");

        List<FireRecord> launched = await("two launched fires", 20,
                () -> fires("small").stream().filter(f -> f.outcome() == FireOutcome.LAUNCHED).toList(), l -> l.size() >= 2);

        assertThat(scheduler.definitionErrors()).singleElement().satisfies(e -> {
            assertThat(e.file().getFileName()).hasToString("bad.yml");
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.message()).contains("--block-size").contains("-5");
        });
        JobRepository repository = ace.context().getBean(JobRepository.class);
        Set<String> runKeys = new HashSet<>();
        for (FireRecord fire : launched) {
            JobExecution execution = await("execution " + fire.executionId() + " to complete", 20,
                    () -> repository.getJobExecution(fire.executionId()), e -> !e.isRunning());
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            runKeys.add(execution.getJobParameters().getString("run_key"));
        }
        assertThat(runKeys).hasSize(launched.size()).allMatch(k -> k.startsWith("scheduled:small:"));
        assertThat(runKeys).contains("scheduled:small:" + launched.get(0).fireTime());
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("public_sched_small_diffs-"))).hasSizeGreaterThanOrEqualTo(2);
        }

        ScheduleStatus status = scheduler.schedules().stream().filter(s -> s.definition().name().equals("small")).findFirst().orElseThrow();
        assertThat(status.nextFire()).isNotNull();
        assertThat(status.lastFire()).isNotNull();
        assertThat(scheduler.commandLine("small", launched.get(0).fireTime())).isEqualTo("scripts/ace table-diff local public.sched_small"
                + " --nodes n1,n2 --concurrency-factor 0.5 --run-key scheduled:small:" + launched.get(0).fireTime());

        define("small.yml", good + "enabled: false\n");
        await("the schedule to be disabled", 5, () -> scheduler.schedules().stream()
                .filter(s -> s.definition().name().equals("small")).findFirst().orElseThrow(), s -> !s.definition().enabled());
        Instant disabled = Instant.now();
        // two fire times pass with the schedule disabled: none fires
        Awaitility.await("no fire while disabled").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> fires("small").stream().noneMatch(f -> f.fireTime().toInstant().isAfter(disabled)));
        assertThat(scheduler.schedules()).filteredOn(s -> s.definition().name().equals("small")).singleElement()
                .satisfies(s -> assertThat(s.nextFire()).isNull());
    }

    @Test
    void operationsOnASchemaAndOnTheWholeClusterAreScheduled() throws Exception {
        define("config.yml", "name: config\ncron: \"*/2 * * * * *\"\noperation: spock-diff\ncluster: local\nflags:\n  nodes: [n1, n2]\n");
        define("schema.yml", "name: schema\ncron: \"*/2 * * * * *\"\noperation: schema-diff\ncluster: local\ntarget: public\n"
                + "flags:\n  nodes: [n1, n2]\n  ddl-only: true\n");
        JobRepository repository = ace.context().getBean(JobRepository.class);
        for (String name : List.of("config", "schema")) {
            FireRecord fire = await("a launched fire of " + name, 20, () -> fires(name).stream()
                    .filter(f -> f.outcome() == FireOutcome.LAUNCHED).findFirst(), java.util.Optional::isPresent).orElseThrow();
            JobExecution execution = await("execution " + fire.executionId() + " to end", 30,
                    () -> repository.getJobExecution(fire.executionId()), e -> !e.isRunning());
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        assertThat(scheduler.definitionErrors()).noneMatch(e -> List.of("config.yml", "schema.yml").contains(e.file().getFileName().toString()));
        Files.delete(jobs.resolve("config.yml"));
        Files.delete(jobs.resolve("schema.yml"));
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(f -> f.startsWith("local_spock-diff-"))
                    .anyMatch(f -> f.startsWith("public_schema-diff-"));
        }
    }

    @Test
    void aFireWhilePreviousRunStillGoesOnIsSkipped() throws Exception {
        cluster.sql("DROP TABLE IF EXISTS public.sched_slow; CREATE TABLE public.sched_slow (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.sched_slow SELECT g, 'v' FROM generate_series(1, 200) g", "n1", "n2");
        // two busy sessions on n2 hold a run with --max-load 1 back until they end
        try (BusySessions hold = cluster.busySessions("n2", 2)) {
            define("slow.yml", everyTwoSeconds("slow", "cluster: local\ntarget: public.sched_slow\nflags:\n  nodes: [n1, n2]\n"
                    + "  max-load: 1\n  concurrency-factor: 0.5\n"));
            List<FireRecord> fires = await("a skipped fire", 15, () -> fires("slow"),
                    l -> l.stream().anyMatch(f -> f.outcome() == FireOutcome.SKIPPED));
            Files.delete(jobs.resolve("slow.yml"));
            FireRecord launched = fires.stream().filter(f -> f.outcome() == FireOutcome.LAUNCHED).findFirst().orElseThrow();
            FireRecord skipped = fires.stream().filter(f -> f.outcome() == FireOutcome.SKIPPED).findFirst().orElseThrow();
            assertThat(skipped.fireTime()).isAfter(launched.fireTime());
            assertThat(skipped.executionId()).isEqualTo(launched.executionId());
            assertThat(skipped.message()).contains("still running as job execution " + launched.executionId());
        }
    }

    @Test
    void firesMissedWhileNotScheduledAreRecordedAndAFailedLaunchIsRecorded() throws Exception {
        OffsetDateTime tenSecondsAgo = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
        OffsetDateTime lastRun = tenSecondsAgo.minusSeconds(tenSecondsAgo.getSecond() % 2);
        ace.context().getBean(FireStore.class).record(new FireRecord("lost", lastRun, FireOutcome.LAUNCHED, 1L, "an earlier run",
                Instant.now()));
        define("lost.yml", everyTwoSeconds("lost", "cluster: nosuch\ntarget: public.sched_small\n"));

        List<FireRecord> fires = await("a failed launch", 10, () -> fires("lost"),
                l -> l.stream().anyMatch(f -> f.outcome() == FireOutcome.LAUNCH_FAILED));
        Files.delete(jobs.resolve("lost.yml"));
        List<FireRecord> missed = fires.stream().filter(f -> f.outcome() == FireOutcome.MISSED).toList();
        FireRecord failed = fires.stream().filter(f -> f.outcome() == FireOutcome.LAUNCH_FAILED)
                .min(Comparator.comparing(FireRecord::fireTime)).orElseThrow();
        assertThat(failed.message()).contains("cluster 'nosuch' is not defined");
        // every fire due between the recorded one and the first live fire is recorded as missed, none run
        List<OffsetDateTime> due = new ArrayList<>();
        for (OffsetDateTime t = lastRun.plusSeconds(2); t.isBefore(failed.fireTime()); t = t.plusSeconds(2)) {
            due.add(t);
        }
        assertThat(due).hasSizeGreaterThanOrEqualTo(5);
        assertThat(missed).extracting(FireRecord::fireTime).containsExactlyInAnyOrderElementsOf(due);
        assertThat(missed).allSatisfy(f -> {
            assertThat(f.executionId()).isNull();
            assertThat(f.message()).contains("not run");
        });
    }
}
