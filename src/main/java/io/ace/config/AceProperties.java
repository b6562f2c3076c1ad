package io.ace.config;

import io.ace.operation.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code ace.*} setting, bound and checked once at start: a value out of range stops the
 * start with a message naming the property. The defaults are here, but for {@code ace.home},
 * which application.properties sets because the job repository's URL is made from it before
 * anything is bound.
 *
 * @param home                ACE's own directory: the embedded job repository, the archive, the reports and the initial admin password
 *                            of serve ($ACE_HOME, default ~/.ace)
 * @param defaultCluster      the cluster a command without one uses ($ACE_CLUSTER); unset: the only cluster of the service file
 * @param maxPartitionWorkers the most partitions one run works on at once: each holds a repository connection while it compares a
 *                            block, so the repository pool is sized from it
 * @param node                the sessions to node servers
 * @param reports             report templates and the reports directory's retention
 * @param archive             the audit archive of every report
 * @param serve               the long-running serve process: web UI, API, scheduler
 * @param schedule            the job definitions serve runs on schedule
 * @param partitioning        where the partitions of a run go
 * @param worker              the worker processes of distributed runs
 * @param testing             comparisons failed on purpose, for tests of restarts and errors; production leaves it unset
 */
@ConfigurationProperties("ace")
public record AceProperties(
        Path home,
        String defaultCluster,
        @DefaultValue("8") int maxPartitionWorkers,
        @DefaultValue Node node,
        @DefaultValue Reports reports,
        @DefaultValue Archive archive,
        @DefaultValue Serve serve,
        @DefaultValue Schedule schedule,
        @DefaultValue Partitioning partitioning,
        @DefaultValue Worker worker,
        Testing testing) implements SettingRanges.Bounded {

    /** The reports directory and the archive are under {@code ace.home} unless set elsewhere. */
    public AceProperties {
        if (home != null) {
            archive = archive.root() != null ? archive : new Archive(home.resolve("archive"), archive.retentionDays());
            serve = serve.outputDir() != null ? serve : serve.withOutputDir(home.resolve("reports"));
        }
    }

    @Override
    public void check(SettingRanges.Checks checks) {
        checks.notNull("home", home);
        checks.atLeast("maxPartitionWorkers", maxPartitionWorkers, 1);
        checks.nested("node", node);
        checks.nested("reports", reports);
        checks.nested("archive", archive);
        checks.nested("serve", serve);
        checks.nested("schedule", schedule);
        checks.nested("partitioning", partitioning);
        checks.nested("worker", worker);
        checks.nested("testing", testing);
    }

    /**
     * @param maxConnections sessions all runs of this process together may hold to each node server ($ACE_NODE_MAX_CONNECTIONS)
     * @param connectionWait how long a run waits for a session when they are all taken, then stops with exit 75
     *                       ($ACE_NODE_CONNECTION_WAIT)
     */
    public record Node(
            @DefaultValue("8") int maxConnections,
            @DefaultValue("5m") Duration connectionWait) implements SettingRanges.Bounded {

        @Override
        public void check(SettingRanges.Checks checks) {
            checks.atLeast("maxConnections", maxConnections, 1);
            checks.notNegative("connectionWait", connectionWait);
        }
    }

    /**
     * @param templatesDir  the HTML report templates an operator may edit; those shipped in the jar when it is missing
     *                      ($ACE_REPORTS_TEMPLATES)
     * @param retentionDays report files of the reports directory older than this many days are deleted; 0 keeps them
     *                      ($ACE_REPORTS_RETENTION_DAYS)
     * @param maxTotalSize  then the oldest are deleted while the reports directory holds more than this (500MB, 20GB); 0: no limit
     * @param pruneInterval how often serve prunes the reports directory and the archive
     */
    public record Reports(
            @DefaultValue("reports-templates") Path templatesDir,
            @DefaultValue("90") int retentionDays,
            @DefaultValue("0") DataSize maxTotalSize,
            @DefaultValue("1h") Duration pruneInterval) implements SettingRanges.Bounded {

        @Override
        public void check(SettingRanges.Checks checks) {
            checks.atLeast("retentionDays", retentionDays, 0);
            checks.atLeastOneMilli("pruneInterval", pruneInterval);
        }
    }

    /**
     * @param root          where the archive lives ($ACE_ARCHIVE_ROOT, default ace.home/archive)
     * @param retentionDays day directories older than this many days are deleted; 0 keeps everything
     */
    public record Archive(Path root, @DefaultValue("0") int retentionDays) implements SettingRanges.Bounded {

        @Override
        public void check(SettingRanges.Checks checks) {
            checks.atLeast("retentionDays", retentionDays, 0);
        }
    }

    /**
     * @param enabled       whether this process is serve (application-serve.properties sets it): only serve schedules and prunes
     * @param outputDir     the reports directory: where serve's launches write and, with the archive, the only place paths read back
     *                      from the job repository may point ($ACE_REPORTS_DIR, default ace.home/reports)
     * @param maxRuns       runs that work at once; a web launch beyond it is answered 429, a scheduled one waits its turn
     * @param maxPausedRuns runs waiting for --max-load or --max-lag that give their slot to another meanwhile; 0: a paused run keeps
     *                      its slot
     * @param users         who may log in: a bcrypt hash and a role each; none: one admin with a generated password
     * @param tokens        API tokens for schedulers and scripts: the token's sha256 and a role each
     * @param login         the throttling of failed logins
     */
    public record Serve(
            @DefaultValue("false") boolean enabled,
            Path outputDir,
            @DefaultValue("4") int maxRuns,
            @DefaultValue("4") int maxPausedRuns,
            Map<String, User> users,
            Map<String, Token> tokens,
            @DefaultValue Login login) implements SettingRanges.Bounded {

        @Override
        public void check(SettingRanges.Checks checks) {
            checks.atLeast("maxRuns", maxRuns, 1);
            checks.atLeast("maxPausedRuns", maxPausedRuns, 0);
            checks.nested("login", login);
        }

        public Serve {
            users = users == null ? Map.of() : users;
            tokens = tokens == null ? Map.of() : tokens;
        }

        Serve withOutputDir(Path dir) {
            return new Serve(enabled, dir, maxRuns, maxPausedRuns, users, tokens, login);
        }
    }

    /**
     * @param password a bcrypt hash ({bcrypt}$2a$...); 'scripts/ace hash-password' makes one
     * @param role     VIEWER, OPERATOR or ADMIN
     */
    public record User(String password, @DefaultValue("VIEWER") Role role) {
    }

    /**
     * @param sha256 the token's sha256 in hex, so the configuration holds no usable secret
     * @param role   VIEWER, OPERATOR or ADMIN
     */
    public record Token(String sha256, @DefaultValue("VIEWER") Role role) {
    }

    /**
     * @param maxFailures failed logins within the window, for one user or from one address, that lock it out
     * @param window      how far back failures count
     * @param lockout     how long the first lockout lasts; each in a row lasts twice as long
     * @param maxLockout  the longest lockout
     */
    public record Login(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("5m") Duration window,
            @DefaultValue("1m") Duration lockout,
            @DefaultValue("1h") Duration maxLockout) implements SettingRanges.Bounded {

        @Override
        public void check(SettingRanges.Checks checks) {
            checks.atLeast("maxFailures", maxFailures, 1);
            checks.atLeastOneMilli("window", window);
            checks.atLeastOneMilli("lockout", lockout);
            checks.atLeastOneMilli("maxLockout", maxLockout);
        }
    }

    /**
     * @param dir           the directory of job definitions, one YAML file each (relative to the working directory)
     * @param reloadSeconds how often the directory is checked for added, changed and removed files
     */
    public record Schedule(@DefaultValue("jobs") Path dir, @DefaultValue("5") long reloadSeconds) implements SettingRanges.Bounded {

        @Override
        public void check(SettingRanges.Checks checks) {
            checks.atLeast("reloadSeconds", reloadSeconds, 1);
        }
    }

    /**
     * @param mode          local: a run's partitions run in its own process unless it asks for --distributed; remote: they go to
     *                      workers ($ACE_PARTITIONING_MODE; ace.partitioning=MODE of earlier versions is still read)
     * @param pollInterval  how often the manager reads its partitions' state
     * @param workerTimeout a worker without a heartbeat for this long is lost; a region without a live worker for this long fails its
     *                      queued partitions
     */
    public record Partitioning(
            @DefaultValue("local") Mode mode,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("30s") Duration workerTimeout) implements SettingRanges.Bounded {

        @Override
        public void check(SettingRanges.Checks checks) {
            checks.atLeastOneMilli("pollInterval", pollInterval);
            checks.atLeastOneMilli("workerTimeout", workerTimeout);
        }

        /** Where partitions go by default. */
        public enum Mode {
            LOCAL, REMOTE
        }
    }

    /**
     * @param pollInterval      how long an idle worker waits before asking the channel again
     * @param heartbeatInterval how often a worker renews its heartbeat
     * @param stopWait          how long a stopping worker waits for its partitions to reach the end of a block
     */
    public record Worker(
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("5s") Duration heartbeatInterval,
            @DefaultValue("20s") Duration stopWait) implements SettingRanges.Bounded {

        @Override
        public void check(SettingRanges.Checks checks) {
            checks.atLeastOneMilli("pollInterval", pollInterval);
            checks.atLeastOneMilli("heartbeatInterval", heartbeatInterval);
            checks.notNegative("stopWait", stopWait);
        }
    }

    /**
     * @param failBeforeBlock the block before which a comparison fails (-1: none)
     * @param failInTable     the only table that fails (schema.table); unset: any
     * @param failWith        how: exception (unset), out-of-memory or stack-overflow
     */
    public record Testing(
            @DefaultValue("-1") int failBeforeBlock,
            String failInTable,
            String failWith) implements SettingRanges.Bounded {

        @Override
        public void check(SettingRanges.Checks checks) {
            checks.oneOf("failWith", failWith, List.of("exception", "out-of-memory", "stack-overflow"));
        }
    }
}
