package io.ace.batch;

import io.ace.json.IsoTime;
import io.ace.report.archive.ReportRetention;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the reports' retention ({@link ReportRetention}) with what the job repository says is
 * still running: the files those runs recorded and anything written since the earliest of them
 * started are kept. {@code reports prune} runs it once; serve every {@code ace.reports.prune-interval}.
 */
public final class ReportPruning implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportPruning.class);

    private final ReportRetention retention;
    private final RunQueries queries;
    private ScheduledExecutorService schedule;

    public ReportPruning(ReportRetention retention, RunQueries queries) {
        this.retention = retention;
        this.queries = queries;
    }

    public ReportRetention retention() {
        return retention;
    }

    /** Prunes now; {@code by} says who asked, for the archive's ledger. */
    public ReportRetention.Pruned prune(String by) throws IOException {
        List<RunView> running = queries.running(0);
        Set<Path> recorded = running.stream().flatMap(v -> v.reports().stream()).map(f -> f.path().toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        Instant since = running.stream()
                .map(v -> v.startTime() == null ? Instant.now() : IsoTime.withOffset(v.startTime()).toInstant())
                .min(Instant::compareTo).orElse(null);
        return retention.prune(new ReportRetention.InUse(recorded, since), by);
    }

    /** Prunes every {@code interval} from now on, until closed. */
    synchronized void every(Duration interval) {
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ace-report-pruning");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleWithFixedDelay(this::pruneLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pruneLogged() {
        try {
            ReportRetention.Pruned pruned = prune("serve");
            if (!pruned.files().isEmpty() || !pruned.archiveDays().isEmpty()) {
                LOG.info("retention: deleted {} report files ({} bytes) and {} archive day directories", pruned.files().size(),
                        pruned.bytes(), pruned.archiveDays().size());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("retention: pruning the reports failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
