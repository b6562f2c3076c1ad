package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.LocalCluster;
import io.ace.testing.Serve;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Distributed runs as an operator has them: a PostgreSQL job repository, two {@code ace worker}
 * processes and a manager, all packaged-jar processes on this machine. A table-diff of three nodes
 * and a repset-diff of 20 tables split across both workers and write the same files as local runs;
 * a worker killed with {@code kill -9} in the middle of a partition is replaced by the other, which
 * resumes the partition after its last committed block; a worker of another region takes nothing,
 * and the run, failed for want of a worker, resumes with its run key once one is there; a JVM
 * error on a worker fails the run with the words a local run has for it; mtree build hashes its
 * leaves on a worker.
 */
class DistributedWorkersIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NODES = "n1,n2,n3";
    /** What differs between two runs of the same comparison besides the rows: times, ids, names with times, process counters. */
    private static final Set<String> RUN_FACTS = Set.of("start_time", "end_time", "time_taken", "job_execution_id", "run_key",
            "hash_statements", "throttle_pauses", "throttle_paused_seconds", "recheck_seconds", "diff_file", "html_file");
    private static final int KILL_BLOCKS = 300;

    private static LocalCluster cluster;
    private static LocalCluster repositories;

    private final List<Process> processes = new ArrayList<>();
    /** What each started process printed on stderr, shown when a wait for workers fails. */
    private final List<Path> errorOutputs = new ArrayList<>();

    @BeforeAll
    static void tables() {
        cluster = LocalCluster.plain();
        repositories = LocalCluster.repositoryServer();
        StringBuilder sql = new StringBuilder("""
                DROP TABLE IF EXISTS public.dist_t; DROP PUBLICATION IF EXISTS dist_set; DROP SCHEMA IF EXISTS dist CASCADE;
                CREATE TABLE public.dist_t (id int PRIMARY KEY, v text, n numeric);
                INSERT INTO public.dist_t SELECT g, md5(g::text), g / 7.0 FROM generate_series(1, 60000) g;
                CREATE SCHEMA dist;
                """);
        for (int i = 1; i <= 20; i++) {
            sql.append(String.format("CREATE TABLE dist.t%02d (id int PRIMARY KEY, v text); INSERT INTO dist.t%02d SELECT g, md5(g::text)"
                    + " FROM generate_series(1, 3000) g;", i, i));
        }
        sql.append("CREATE PUBLICATION dist_set FOR TABLES IN SCHEMA dist;");
        cluster.sql(sql.toString(), "n1", "n2", "n3");
        cluster.sql("UPDATE public.dist_t SET n = n + 1 WHERE id % 997 = 0; UPDATE dist.t03 SET v = 'changed' WHERE id < 5;"
                + " DELETE FROM dist.t17 WHERE id = 9", "n2");
        cluster.sql("DELETE FROM public.dist_t WHERE id % 1999 = 0; INSERT INTO dist.t11 VALUES (5000, 'only on n3')", "n3");
        cluster.sql("""
                DROP TABLE IF EXISTS public.dist_kill;
                CREATE TABLE public.dist_kill (id int PRIMARY KEY, v text);
                INSERT INTO public.dist_kill SELECT g, md5(g::text) FROM generate_series(1, 150000) g;
                """, "n1", "n2");
        cluster.sql("UPDATE public.dist_kill SET v = 'changed' WHERE id % 1000 = 1", "n2");
        cluster.sql("""
                DROP TABLE IF EXISTS public.dist_fix;
                CREATE TABLE public.dist_fix (id int PRIMARY KEY, v text);
                INSERT INTO public.dist_fix SELECT g, md5(g::text) FROM generate_series(1, 5000) g;
                """, "n1", "n2", "n3");
        cluster.sql("UPDATE public.dist_fix SET v = 'n2' WHERE id % 500 = 0", "n2");
        cluster.sql("DELETE FROM public.dist_fix WHERE id % 700 = 0", "n3");
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void tableDiffAndRepsetDiffSplitAcrossTwoWorkersWriteWhatLocalRunsWrite(@TempDir Path home) throws Exception {
        String repository = repositories.newDatabase("dist_split");
        worker(home, repository, cluster.serviceFile(), "w1");
        worker(home, repository, cluster.serviceFile(), "w2");
        awaitLiveWorkers(repository, 2);

        Run distributed = run(home, repository, cluster.serviceFile(), "table-diff", "local", "public.dist_t", "--nodes", NODES,
                "--block-size", "1000", "--distributed", "--run-key", "split-table", "--output-dir", home.resolve("dist").toString());
        assertThat(distributed.exit()).as(distributed.toString()).isEqualTo(1);
        Run local = run(home, repository, cluster.serviceFile(), "table-diff", "local", "public.dist_t", "--nodes", NODES,
                "--block-size", "1000", "--run-key", "split-table-local", "--output-dir", home.resolve("local").toString());
        assertThat(local.exit()).as(local.toString()).isEqualTo(1);
        assertThat(comparable(distributed.file("diff file: "))).isEqualTo(comparable(local.file("diff file: ")));
        assertThat(distributed.file("diff file: ").path("summary").path("diff_rows_count").path("n1/n2").asInt()).isEqualTo(60);
        assertThat(workersOf(repository, "split-table")).as("partitions of both workers").hasSize(2);

        Run set = run(home, repository, cluster.serviceFile(), "repset-diff", "local", "dist_set", "--nodes", NODES, "--distributed",
                "--run-key", "split-set", "--output-dir", home.resolve("dist-set").toString());
        assertThat(set.exit()).as(set.toString()).isEqualTo(1);
        Run setLocal = run(home, repository, cluster.serviceFile(), "repset-diff", "local", "dist_set", "--nodes", NODES,
                "--run-key", "split-set-local", "--output-dir", home.resolve("local-set").toString());
        assertThat(setLocal.exit()).as(setLocal.toString()).isEqualTo(1);
        assertThat(comparable(set.file("summary: "))).isEqualTo(comparable(setLocal.file("summary: ")));
        assertThat(set.file("summary: ").path("tables")).hasSize(20);
        List<String> diffFiles = set.lines("diff file: ");
        assertThat(diffFiles).hasSize(3);
        for (String file : diffFiles) {
            String name = Path.of(file).getFileName().toString().replaceFirst("-\\d{14}\\.json$", "");
            JsonNode twin = setLocal.lines("diff file: ").stream().filter(f -> Path.of(f).getFileName().toString().startsWith(name + "-"))
                    .map(DistributedWorkersIT::read).findFirst().orElseThrow();
            assertThat(comparable(read(file))).as(name).isEqualTo(comparable(twin));
        }
        List<String> workers = workersOf(repository, "split-set");
        assertThat(workers).as("tables of both workers").hasSize(2);

        Run listed = run(home, repository, cluster.serviceFile(), "jobs", "workers");
        assertThat(listed.out().lines().filter(l -> l.startsWith("live "))).as(listed.toString()).hasSize(2);
        long execution = distributed.file("diff file: ").path("summary").path("job_execution_id").asLong();
        try (Serve serve = new Serve(cluster.serviceFile(), home.resolve("serve"), "spring.datasource.url=" + repository,
                "spring.datasource.username=ace", "spring.datasource.password=" + LocalCluster.PASSWORD)) {
            String page = serve.page("viewer", "/workers");
            String shown = serve.page("viewer", "/executions/" + execution);
            JsonNode api = Serve.json(serve.send("GET", "/api/v1/executions/" + execution, "viewer", null));
            for (String worker : workers) {
                String[] id = worker.split(":");
                assertThat(page).contains(">" + id[0] + "<").contains(">" + id[1] + "<");
                assertThat(shown).contains(worker);
            }
            assertThat(page).contains(">live<");
            assertThat(api.path("steps").findValuesAsString("worker")).hasSize(8).containsAll(workersOf(repository, "split-table"));
        }
    }

    @Test
    void aWorkerKilledMidPartitionIsReplacedAndItsPartitionResumesAfterItsLastCommittedBlock(@TempDir Path home) throws Exception {
        replacedMidPartition(home, "dist_kill", false);
    }

    @Test
    void aStoppedWorkerHandsItsPartitionBackAfterItsCurrentBlock(@TempDir Path home) throws Exception {
        replacedMidPartition(home, "dist_stop", true);
    }

    /**
     * A worker goes away in the middle of a partition: killed with {@code kill -9} (the manager
     * notices its heartbeat stopped), or stopped with SIGTERM (it hands the partition back). The
     * other worker resumes the partition after its last committed block and the run writes what a
     * local run writes.
     */
    private void replacedMidPartition(Path home, String database, boolean graceful) throws Exception {
        String repository = repositories.newDatabase(database);
        worker(home, repository, cluster.serviceFile(), "w1");
        worker(home, repository, cluster.serviceFile(), "w2");
        awaitLiveWorkers(repository, 2);
        // one block per hashing statement, so each block commits on its own (a partition's blocks hashed by one statement
        // commit together) and a partition can be seen part-way
        Process manager = start(home, repository, cluster.serviceFile(), "manager", "table-diff", "local", "public.dist_kill", "--nodes",
                "n1,n2", "--block-size", "500", "--target-query-time", "0.000001", "--distributed", "--run-key", database,
                "--output-dir", home.resolve("dist").toString());

        long victim;
        String victimWorker;
        try (Connection freeze = DriverManager.getConnection(repository, "ace", LocalCluster.PASSWORD)) {
            freeze.setAutoCommit(false);
            // with the findings table locked no block commits: a partition seen here part-way stays part-way
            victim = await("a partition part-way on a worker, frozen").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(manager.isAlive()).as("the run ended before a worker could be taken away").isTrue();
                        return partWay(freeze);
                    }, id -> id != null);
            victimWorker = workerOf(repository, victim);
            long pid = Long.parseLong(victimWorker.split(":")[1]);
            Process gone = processes.stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
            if (graceful) {
                gone.destroy();
                String log = processes.indexOf(gone) == 0 ? "w1.err" : "w2.err";
                await("the worker to stop taking partitions").atMost(Duration.ofMinutes(1))
                        .until(() -> Files.readString(home.resolve(log)).contains("is stopping"));
            } else {
                gone.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            freeze.rollback();
        }

        assertThat(manager.waitFor(5, TimeUnit.MINUTES)).isTrue();
        Run distributed = Run.of(manager, home, "manager");
        assertThat(distributed.exit()).as(distributed.toString()).isEqualTo(1);
        Run local = run(home, repository, cluster.serviceFile(), "table-diff", "local", "public.dist_kill", "--nodes", "n1,n2",
                "--block-size", "500", "--run-key", database + "-local", "--output-dir", home.resolve("local").toString());
        assertThat(comparable(distributed.file("diff file: "))).isEqualTo(comparable(local.file("diff file: ")));
        assertThat(distributed.file("diff file: ").path("summary").path("diff_rows_count").path("n1/n2").asInt()).isEqualTo(150);

        try (Connection c = DriverManager.getConnection(repository, "ace", LocalCluster.PASSWORD)) {
            String shown = single(c, "SELECT WORKER_ID || ' after ' || EARLIER_WORKERS FROM ACE_PARTITION_CLAIM WHERE STEP_EXECUTION_ID = " + victim);
            assertThat(shown).as("the partition finished on the other worker").doesNotStartWith(victimWorker)
                    .endsWith(victimWorker + (graceful ? " (stopped)" : " (lost)"));
            // every block compared once: the second worker went on from the first one's last committed block
            assertThat(Long.parseLong(single(c, "SELECT sum(S.READ_COUNT) FROM BATCH_STEP_EXECUTION S JOIN ACE_PARTITION_CLAIM C"
                    + " ON C.STEP_EXECUTION_ID = S.STEP_EXECUTION_ID WHERE C.JOB_EXECUTION_ID = (SELECT JOB_EXECUTION_ID"
                    + " FROM ACE_PARTITION_CLAIM WHERE STEP_EXECUTION_ID = " + victim + ")"))).isEqualTo(KILL_BLOCKS);
            if (graceful) {
                assertThat(single(c, "SELECT count(*) FROM ACE_WORKER WHERE WORKER_ID = '" + victimWorker + "' AND STOPPED IS NOT NULL"))
                        .isEqualTo("1");
            }
        }
    }

    @Test
    void aWorkerOfAnotherRegionTakesNothingAndTheRunResumesOnceAWorkerOfItsRegionIsThere(@TempDir Path home) throws Exception {
        String repository = repositories.newDatabase("dist_region");
        Path euCluster = home.resolve("eu.conf");
        Files.writeString(euCluster, Files.readString(cluster.serviceFile()).replaceFirst("(?m)^\\[local\\]$", "[local]\nregion=eu"));
        worker(home, repository, euCluster, "us", "--region", "us");
        awaitLiveWorkers(repository, 1);

        Run refused = run(home, repository, euCluster, "table-diff", "local", "public.dist_t", "--nodes", NODES, "--block-size", "1000",
                "--distributed", "--run-key", "regions", "--output-dir", home.resolve("dist").toString());
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(2);
        // one line, no stack trace, and the run key to resume with
        assertThat(refused.err()).contains("no live worker of region eu").contains("--region eu")
                .contains("launch the same command with --run-key regions to resume it").doesNotContain("\tat ").doesNotContain("Exception");
        try (Connection c = DriverManager.getConnection(repository, "ace", LocalCluster.PASSWORD)) {
            assertThat(single(c, "SELECT count(*) FROM ACE_PARTITION_CLAIM WHERE WORKER_ID IS NOT NULL")).isEqualTo("0");
            assertThat(single(c, "SELECT count(*) FROM ACE_PARTITION_CLAIM WHERE STATE <> 'ABANDONED'")).isEqualTo("0");
        }

        worker(home, repository, euCluster, "eu", "--region", "eu");
        awaitLiveWorkers(repository, 2);
        Run resumed = run(home, repository, euCluster, "table-diff", "local", "public.dist_t", "--nodes", NODES, "--block-size", "1000",
                "--distributed", "--run-key", "regions", "--output-dir", home.resolve("dist").toString());
        assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(1);
        assertThat(resumed.file("diff file: ").path("summary").path("diff_rows_count").path("n1/n2").asInt()).isEqualTo(60);
        try (Connection c = DriverManager.getConnection(repository, "ace", LocalCluster.PASSWORD); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT W.REGION FROM ACE_PARTITION_CLAIM C JOIN ACE_WORKER W ON W.WORKER_ID = C.WORKER_ID")) {
            List<String> regions = new ArrayList<>();
            while (rs.next()) {
                regions.add(rs.getString(1));
            }
            assertThat(regions).containsExactly("eu");
        }
    }

    @Test
    void aWorkerThatCannotReachANodeNamesItAndADistributedRepairRepairsEachNodeOnAWorker(@TempDir Path home) throws Exception {
        String repository = repositories.newDatabase("dist_repair");
        Path cut = home.resolve("cut.conf");
        Files.writeString(cut, Files.readString(cluster.serviceFile()).replace("port=" + cluster.port("n2"), "port=1"));
        Process blind = worker(home, repository, cut, "blind");
        awaitLiveWorkers(repository, 1);
        Run unreachable = run(home, repository, cluster.serviceFile(), "table-diff", "local", "public.dist_fix", "--nodes", NODES,
                "--block-size", "500", "--distributed", "--run-key", "fix", "--output-dir", home.resolve("dist").toString());
        assertThat(unreachable.exit()).as(unreachable.toString()).isEqualTo(75);
        assertThat(unreachable.err()).contains("node n2").doesNotContain(LocalCluster.PASSWORD);

        blind.destroy();
        assertThat(blind.waitFor(2, TimeUnit.MINUTES)).isTrue();
        worker(home, repository, cluster.serviceFile(), "w1");
        awaitLiveWorkers(repository, 1);
        Run diff = run(home, repository, cluster.serviceFile(), "table-diff", "local", "public.dist_fix", "--nodes", NODES,
                "--block-size", "500", "--distributed", "--run-key", "fix", "--output-dir", home.resolve("dist").toString());
        assertThat(diff.exit()).as("the failed run resumed: " + diff).isEqualTo(1);
        String diffFile = diff.lines("diff file: ").get(0);

        Run repair = run(home, repository, cluster.serviceFile(), "table-repair", "local", "public.dist_fix", "--diff-file", diffFile,
                "--source-of-truth", "n1", "--distributed", "--run-key", "fix-repair", "--output-dir", home.resolve("dist").toString());
        assertThat(repair.exit()).as(repair.toString()).isEqualTo(0);
        assertThat(workersOf(repository, "fix-repair")).as("both nodes' repairs ran on the worker").hasSize(1).doesNotContainNull();
        Run again = run(home, repository, cluster.serviceFile(), "table-diff", "local", "public.dist_fix", "--nodes", NODES,
                "--run-key", "fix-check", "--output-dir", home.resolve("check").toString());
        assertThat(again.exit()).as(again.toString()).isEqualTo(0);
    }

    @Test
    void aJvmErrorOnAWorkerIsSaidAsInALocalRunAndTheRunResumes(@TempDir Path home) throws Exception {
        String repository = repositories.newDatabase("dist_error");
        Process failing = startWithJavaOptions(home, repository, cluster.serviceFile(), "failing",
                " -Dace.testing.fail-before-block=3 -Dace.testing.fail-with=stack-overflow", "worker", "--concurrency", "2");
        awaitLiveWorkers(repository, 1);
        String[] diff = {"table-diff", "local", "public.dist_t", "--nodes", NODES, "--block-size", "1000", "--distributed",
            "--run-key", "jvm-error", "--output-dir", home.resolve("dist").toString()};
        Run failed = run(home, repository, cluster.serviceFile(), diff);
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(2);
        assertThat(failed.err()).contains("failed in step hash-partition:partition-").contains("stack overflow").contains("-Xss")
                .contains("launch the same command with --run-key jvm-error to resume it").doesNotContain("\tat ");

        failing.destroy();
        assertThat(failing.waitFor(2, TimeUnit.MINUTES)).isTrue();
        worker(home, repository, cluster.serviceFile(), "w1");
        awaitLiveWorkers(repository, 1);
        Run resumed = run(home, repository, cluster.serviceFile(), diff);
        assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(1);
        assertThat(resumed.file("diff file: ").path("summary").path("diff_rows_count").path("n1/n2").asInt()).isEqualTo(60);
    }

    @Test
    void mtreeBuildHashesItsLeavesOnAWorker(@TempDir Path home) throws Exception {
        String repository = repositories.newDatabase("dist_mtree");
        cluster.sql("""
                DROP TABLE IF EXISTS public.dist_mt;
                CREATE TABLE public.dist_mt (id int PRIMARY KEY, v text);
                INSERT INTO public.dist_mt SELECT g, md5(g::text) FROM generate_series(1, 3000) g;
                ANALYZE public.dist_mt;
                """, "n1", "n2");
        worker(home, repository, cluster.serviceFile(), "w1");
        awaitLiveWorkers(repository, 1);
        Run init = run(home, repository, cluster.serviceFile(), "mtree", "init", "local", "--nodes", "n1,n2");
        assertThat(init.exit()).as(init.toString()).isEqualTo(0);
        try {
            Run build = run(home, repository, cluster.serviceFile(), "mtree", "build", "local", "public.dist_mt", "--nodes", "n1,n2",
                    "--block-size", "100", "--distributed", "--run-key", "mt-build");
            assertThat(build.exit()).as(build.toString()).isEqualTo(0);
            assertThat(workersOf(repository, "mt-build")).as("the partition of leaves ran on the worker").hasSize(1).doesNotContainNull();
            long leaves = cluster.count("n1", "SELECT count(*) FROM ace_mtree.leaf l JOIN ace_mtree.tracked_table t USING (table_id)"
                    + " WHERE t.table_name = 'dist_mt'");
            String execution;
            try (Connection c = DriverManager.getConnection(repository, "ace", LocalCluster.PASSWORD)) {
                execution = single(c, "SELECT max(JOB_EXECUTION_ID) FROM ACE_PARTITION_CLAIM");
                assertThat(Long.parseLong(single(c, "SELECT sum(S.WRITE_COUNT) FROM BATCH_STEP_EXECUTION S JOIN ACE_PARTITION_CLAIM C"
                        + " ON C.STEP_EXECUTION_ID = S.STEP_EXECUTION_ID WHERE C.JOB_EXECUTION_ID = " + execution)))
                        .as("every leaf hashed by the worker").isEqualTo(leaves).isPositive();
            }
            Run shown = run(home, repository, cluster.serviceFile(), "jobs", "show", execution);
            assertThat(shown.out()).as(shown.toString()).contains(String.format("(%,d of %,d leaves)", leaves, leaves));
            Run diff = run(home, repository, cluster.serviceFile(), "mtree", "table-diff", "local", "public.dist_mt", "--nodes", "n1,n2",
                    "--output-dir", home.resolve("mt").toString());
            assertThat(diff.exit()).as(diff.toString()).isEqualTo(0);
        } finally {
            run(home, repository, cluster.serviceFile(), "mtree", "teardown", "local", "--nodes", "n1,n2");
        }
    }

    /** With the findings table locked: a partition on a worker that committed some of its blocks and not all, or null after unlocking. */
    private static Long partWay(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE ace_diff_block IN SHARE ROW EXCLUSIVE MODE");
            try (ResultSet rs = st.executeQuery("SELECT S.STEP_EXECUTION_ID, S.COMMIT_COUNT FROM BATCH_STEP_EXECUTION S"
                    + " JOIN ACE_PARTITION_CLAIM C ON C.STEP_EXECUTION_ID = S.STEP_EXECUTION_ID"
                    + " WHERE C.STATE = 'RUNNING' AND S.STATUS = 'STARTED' AND S.COMMIT_COUNT BETWEEN 2 AND 12 ORDER BY 1 LIMIT 1")) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        c.rollback();
        return null;
    }

    private static String workerOf(String repository, long stepExecutionId) throws SQLException {
        try (Connection c = DriverManager.getConnection(repository, "ace", LocalCluster.PASSWORD)) {
            return single(c, "SELECT WORKER_ID FROM ACE_PARTITION_CLAIM WHERE STEP_EXECUTION_ID = " + stepExecutionId);
        }
    }

    /** The workers that ran partitions of a run key's executions. */
    private static List<String> workersOf(String repository, String runKey) throws SQLException {
        try (Connection c = DriverManager.getConnection(repository, "ace", LocalCluster.PASSWORD); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT C.WORKER_ID FROM ACE_PARTITION_CLAIM C JOIN BATCH_JOB_EXECUTION_PARAMS P"
                     + " ON P.JOB_EXECUTION_ID = C.JOB_EXECUTION_ID WHERE P.PARAMETER_NAME = 'run_key' AND P.PARAMETER_VALUE = '" + runKey + "'")) {
            List<String> workers = new ArrayList<>();
            while (rs.next()) {
                workers.add(rs.getString(1));
            }
            return workers;
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    private void awaitLiveWorkers(String repository, int count) throws IOException {
        try {
            await(count + " live workers").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
                try (Connection c = DriverManager.getConnection(repository, "ace", LocalCluster.PASSWORD)) {
                    return Integer.parseInt(single(c, "SELECT count(*) FROM ACE_WORKER WHERE STOPPED IS NULL"));
                } catch (SQLException e) {
                    // the first worker creates the tables
                    return 0;
                }
            }, n -> n >= count);
        } catch (ConditionTimeoutException e) {
            StringBuilder printed = new StringBuilder(e.getMessage());
            for (Path err : errorOutputs) {
                printed.append("\n--- ").append(err.getFileName()).append(":\n").append(Files.readString(err, StandardCharsets.UTF_8));
            }
            throw new AssertionError(printed.toString(), e);
        }
    }

    /** The diff file or summary without what differs between any two runs. */
    private static JsonNode comparable(JsonNode file) {
        JsonNode copy = file.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            RUN_FACTS.forEach(object::remove);
        }
        node.forEach(DistributedWorkersIT::strip);
    }

    private static JsonNode read(String path) {
        try {
            return JSON.readTree(Files.readString(Path.of(path)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Process worker(Path home, String repository, Path serviceFile, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("worker", "--concurrency", "2"));
        command.addAll(List.of(args));
        return start(home, repository, serviceFile, name, command.toArray(String[]::new));
    }

    private Run run(Path home, String repository, Path serviceFile, String... args) throws Exception {
        String name = "run-" + processes.size();
        Process p = start(home, repository, serviceFile, name, args);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", args)).isTrue();
        return Run.of(p, home, name);
    }

    private Process start(Path home, String repository, Path serviceFile, String name, String... args) throws IOException {
        return startWithJavaOptions(home, repository, serviceFile, name, "", args);
    }

    /**
     * The packaged launcher with this repository and service file, and {@code javaOptions} after the
     * tests' own; its output goes to files named after it in {@code home}.
     */
    private Process startWithJavaOptions(Path home, String repository, Path serviceFile, String name, String javaOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(LocalCluster.projectRoot().resolve("scripts/ace").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(home.resolve(name + ".out").toFile())
                .redirectError(home.resolve(name + ".err").toFile());
        Map<String, String> env = pb.environment();
        env.put("ACE_PGSERVICEFILE", serviceFile.toString());
        env.put("ACE_HOME", home.resolve("home-" + name).toString());
        env.put("ACE_REPOSITORY_URL", repository);
        env.put("ACE_REPOSITORY_USER", "ace");
        env.put("ACE_REPOSITORY_PASSWORD", LocalCluster.PASSWORD);
        // a lost worker is noticed after 10 s here (30 s by default)
        env.put("ACE_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dace.partitioning.worker-timeout=10s"
                + " -Dace.worker.heartbeat-interval=1s" + javaOptions);
        Process p = pb.start();
        processes.add(p);
        errorOutputs.add(home.resolve(name + ".err"));
        return p;
    }

    /** An ended command: its exit code and what it printed. */
    private record Run(int exit, String out, String err) {

        static Run of(Process p, Path home, String name) throws IOException {
            return new Run(p.exitValue(), Files.readString(home.resolve(name + ".out"), StandardCharsets.UTF_8),
                    Files.readString(home.resolve(name + ".err"), StandardCharsets.UTF_8));
        }

        List<String> lines(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }

        JsonNode file(String prefix) {
            List<String> files = lines(prefix);
            assertThat(files).as(toString()).isNotEmpty();
            return read(files.get(0));
        }

        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }
}
