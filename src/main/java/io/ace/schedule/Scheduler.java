package io.ace.schedule;

import io.ace.batch.RunSubmitter.Submission;
import io.ace.batch.RunSubmitter;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.launch.LaunchGrammar;
import io.ace.operation.LaunchRequest;
import io.ace.operation.LaunchedBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Launches the job definitions of a directory at their cron times, on one ticking thread. Each
 * fire is recorded with its outcome; a fire whose previous run still goes on is skipped, fires
 * due while the scheduler was not running are recorded as missed rather than run late, and the
 * directory is re-read when its files change without disturbing the schedules that did not.
 */
public final class Scheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    /** Most missed fires recorded at once for one schedule: a long outage of a frequent schedule is not worth a flood of rows. */
    static final int MAX_MISSED_RECORDED = 1000;
    private static final Duration TICK = Duration.ofMillis(250);

    private final Path dir;
    private final DefinitionLoader loader;
    private final FireStore store;
    private final LaunchGrammar grammar;
    private final RunSubmitter submitter;
    private final Path outputDir;
    private final Duration reloadInterval;
    private final Clock clock;

    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();
    /** The latest launch of each schedule by name; kept when a definition goes away, so it cannot overlap when it comes back. */
    private final Map<String, Submission> lastLaunches = new ConcurrentHashMap<>();
    private volatile List<DefinitionError> errors = List.of();
    /** What the directory looked like at the last load; only the ticking thread touches it. */
    private Map<Path, FileStamp> loadedStamps;
    private Instant nextReloadCheck = Instant.MIN;
    private volatile ScheduledExecutorService ticker;

    private record FileStamp(long size, FileTime modified) {
    }

    /** A schedule's state: replaced definitions keep it. */
    private static final class Schedule {
        volatile ScheduleDefinition definition;
        volatile ZonedDateTime nextFire;
        volatile FireRecord lastFire;

        Schedule(ScheduleDefinition definition, FireRecord lastFire) {
            this.definition = definition;
            this.lastFire = lastFire;
        }
    }

    public Scheduler(Path dir, FireStore store, LaunchGrammar grammar, RunSubmitter submitter, Path outputDir,
                     Duration reloadInterval, Clock clock) {
        this.dir = dir;
        this.loader = new DefinitionLoader(grammar.operations().names(),
                        launch -> grammar.parse(launch, LaunchGrammar.Door.SCHEDULE, outputDir))
                .targetOptionalFor(grammar.operations().names().stream().filter(op -> grammar.targetLabel(op) == null).toList());
        this.store = store;
        this.grammar = grammar;
        this.submitter = submitter;
        this.outputDir = outputDir;
        this.reloadInterval = reloadInterval;
        this.clock = clock;
    }

    /** Every schedule that loaded, by name. */
    public List<ScheduleStatus> schedules() {
        return schedules.values().stream().map(s -> new ScheduleStatus(s.definition, s.nextFire, s.lastFire))
                .sorted(Comparator.comparing(s -> s.definition().name())).toList();
    }

    /** The definition files that could not be loaded, and why. */
    public List<DefinitionError> definitionErrors() {
        return errors;
    }

    /** The latest fires of all schedules, newest fire time first. */
    public List<FireRecord> recentFires(int limit) {
        return store.recentFires(limit);
    }

    /**
     * The shell command that launches one fire of a schedule by hand; for a fire that failed, it
     * resumes that fire's run.
     */
    public String commandLine(String scheduleName, OffsetDateTime fireTime) {
        Schedule schedule = schedules.get(scheduleName);
        if (schedule == null) {
            throw new IllegalArgumentException("no schedule named '" + scheduleName + "'");
        }
        return schedule.definition.commandLine(fireTime);
    }

    @Override
    public void start() {
        // the first load runs before start() returns, so the lists are complete once the context is up
        reloadCheck();
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ace-scheduler");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        ticker = thread;
    }

    @Override
    public void stop() {
        ScheduledExecutorService thread = ticker;
        ticker = null;
        if (thread != null) {
            // runs already launched go on; the run submitter waits for them when the context closes
            thread.shutdownNow();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    private void tick() {
        reloadCheck();
        Instant now = clock.instant();
        for (Schedule schedule : schedules.values()) {
            try {
                fireIfDue(schedule, now);
            } catch (RuntimeException e) {
                // one schedule's failure must not stop the others, nor the ticking thread
                log.error("schedule {} failed to fire", schedule.definition.name(), e);
            }
        }
    }

    private void reloadCheck() {
        Instant now = clock.instant();
        if (now.isBefore(nextReloadCheck)) {
            return;
        }
        nextReloadCheck = now.plus(reloadInterval);
        try {
            Map<Path, FileStamp> stamps = stamps();
            if (!stamps.equals(loadedStamps)) {
                loadedStamps = stamps;
                load(now);
            }
        } catch (RuntimeException e) {
            log.error("reading the job definitions in {} failed", dir, e);
        }
    }

    private Map<Path, FileStamp> stamps() {
        Map<Path, FileStamp> stamps = new HashMap<>();
        for (Path file : DefinitionLoader.definitionFiles(dir)) {
            try {
                stamps.put(file, new FileStamp(Files.size(file), Files.getLastModifiedTime(file)));
            } catch (IOException e) {
                // removed while listing: the next check sees it gone
            }
        }
        return stamps;
    }

    private void load(Instant now) {
        if (!Files.isDirectory(dir)) {
            log.warn("job definition directory {} does not exist; nothing is scheduled", dir.toAbsolutePath());
        }
        DefinitionLoader.Loaded loaded = loader.load(dir);
        errors = loaded.errors();
        loaded.errors().forEach(error -> log.warn("job definition not scheduled: {}", error));
        Set<String> names = new HashSet<>();
        for (ScheduleDefinition definition : loaded.definitions()) {
            names.add(definition.name());
            Schedule schedule = schedules.get(definition.name());
            if (schedule == null) {
                schedules.put(definition.name(), track(definition, now));
            } else if (!schedule.definition.equals(definition)) {
                // a schedule this process was already running missed nothing: it goes on from now
                schedule.definition = definition;
                schedule.nextFire = definition.enabled() ? FireTimes.next(definition.cron(), definition.zone(), now) : null;
                log.info("schedule {} changed ({}); next fire {}", definition.name(), definition.file(),
                        definition.enabled() ? schedule.nextFire : "none (disabled)");
            }
        }
        schedules.keySet().retainAll(names);
    }

    /** Starts keeping a schedule, after recording the fires it missed since its last recorded one. */
    private Schedule track(ScheduleDefinition definition, Instant now) {
        Schedule schedule = new Schedule(definition, store.lastFire(definition.name()));
        if (definition.enabled()) {
            if (schedule.lastFire != null) {
                recordMissed(schedule, schedule.lastFire.fireTime().toInstant(), now);
            }
            schedule.nextFire = FireTimes.next(definition.cron(), definition.zone(), now);
        }
        log.info("schedule {} loaded from {}; next fire {}", definition.name(), definition.file(),
                definition.enabled() ? schedule.nextFire : "none (disabled)");
        return schedule;
    }

    private void recordMissed(Schedule schedule, Instant after, Instant until) {
        ScheduleDefinition definition = schedule.definition;
        List<ZonedDateTime> missed = FireTimes.between(definition.cron(), definition.zone(), after, until, MAX_MISSED_RECORDED + 1);
        if (missed.isEmpty()) {
            return;
        }
        boolean more = missed.size() > MAX_MISSED_RECORDED;
        for (ZonedDateTime fire : missed.subList(0, Math.min(missed.size(), MAX_MISSED_RECORDED))) {
            record(schedule, fire, FireOutcome.MISSED, null, "not run: the scheduler was not running when it was due");
        }
        log.warn("schedule {}: {}{} fires from {} to {} were missed while the scheduler was not running; recorded as MISSED, not run",
                definition.name(), more ? "more than " : "", Math.min(missed.size(), MAX_MISSED_RECORDED), missed.get(0),
                missed.get(missed.size() - 1));
    }

    private void fireIfDue(Schedule schedule, Instant now) {
        ZonedDateTime first = schedule.nextFire;
        if (first == null || first.toInstant().isAfter(now)) {
            return;
        }
        ScheduleDefinition definition = schedule.definition;
        schedule.nextFire = FireTimes.next(definition.cron(), definition.zone(), now);
        // when the thread fell behind, only the latest due fire runs
        List<ZonedDateTime> due = new ArrayList<>(List.of(first));
        due.addAll(FireTimes.between(definition.cron(), definition.zone(), first.toInstant(), now, MAX_MISSED_RECORDED));
        List<ZonedDateTime> late = due.subList(0, due.size() - 1);
        for (ZonedDateTime fire : late) {
            record(schedule, fire, FireOutcome.MISSED, null, "not run: the scheduler was busy when it was due");
        }
        if (!late.isEmpty()) {
            log.warn("schedule {}: {} fires from {} were missed while the scheduler was busy; recorded as MISSED, not run",
                    definition.name(), late.size(), late.get(0));
        }
        launch(schedule, due.get(due.size() - 1));
    }

    private void launch(Schedule schedule, ZonedDateTime fire) {
        ScheduleDefinition definition = schedule.definition;
        Submission previous = lastLaunches.get(definition.name());
        if (previous != null && !previous.finished().isDone()) {
            Long running = previous.started().isDone() && !previous.started().isCompletedExceptionally()
                    ? previous.started().join() : null;
            record(schedule, fire, FireOutcome.SKIPPED, running, "not run: the previous fire's run "
                    + (running == null ? "is still starting" : "is still running as job execution " + running));
            return;
        }
        try {
            LaunchRequest request = grammar.parse(definition.launch(fire.toOffsetDateTime()), LaunchGrammar.Door.SCHEDULE, outputDir);
            Submission submission = submitter.submit(request, new LaunchedBy(definition.name(), LaunchedBy.Door.SCHEDULE));
            lastLaunches.put(definition.name(), submission);
            submission.started().whenComplete((execution, error) -> recordStart(schedule, fire, submission));
        } catch (AceException e) {
            launchFailed(schedule, fire, e);
        }
    }

    /** Records how a launch began, once it has: started, refused, or answered from an earlier run of the same key. */
    private void recordStart(Schedule schedule, ZonedDateTime fire, Submission submission) {
        long execution;
        try {
            execution = submission.awaitStart(0);
        } catch (AceException e) {
            launchFailed(schedule, fire, e);
            return;
        }
        if (!submission.finished().isDone()) {
            record(schedule, fire, FireOutcome.LAUNCHED, execution, "job execution " + execution + " started");
            return;
        }
        // a launch that has already ended either ran very fast or completed long ago under this run key: the outcome tells
        submission.finished().whenComplete((outcome, error) -> {
            if (outcome != null && outcome.exitCode() == ExitCode.ALREADY_COMPLETED) {
                record(schedule, fire, FireOutcome.SKIPPED, execution, "not run: " + outcome.message());
            } else {
                record(schedule, fire, FireOutcome.LAUNCHED, execution, "job execution " + execution + " started");
            }
        });
    }

    /** The fire record, which viewers read, keeps our own words; the log keeps the detail from outside. */
    private void launchFailed(Schedule schedule, ZonedDateTime fire, AceException e) {
        if (!e.publicMessage().equals(e.getMessage())) {
            log.warn("schedule {} fire {}: {}", schedule.definition.name(), fire, e.getMessage());
        }
        record(schedule, fire, FireOutcome.LAUNCH_FAILED, null, e.publicMessage());
    }

    private void record(Schedule schedule, ZonedDateTime fire, FireOutcome outcome, Long executionId, String message) {
        String name = schedule.definition.name();
        FireRecord fireRecord = new FireRecord(name, fire.toOffsetDateTime(), outcome, executionId, message, clock.instant());
        try {
            store.record(fireRecord);
        } catch (RuntimeException e) {
            log.error("cannot record fire {} of schedule {} ({}: {})", fireRecord.fireTime(), name, outcome, message, e);
        }
        FireRecord last = schedule.lastFire;
        if (last == null || !fireRecord.fireTime().toInstant().isBefore(last.fireTime().toInstant())) {
            schedule.lastFire = fireRecord;
        }
        switch (outcome) {
            case LAUNCHED -> log.info("schedule {} fire {}: {}", name, fireRecord.fireTime(), message);
            case SKIPPED, LAUNCH_FAILED -> log.warn("schedule {} fire {} {}: {}", name, fireRecord.fireTime(), outcome, message);
            case MISSED -> { } // summarized by the caller
        }
    }
}
