package io.ace.batch;

import io.ace.batch.partition.PartitionClaims;
import io.ace.batch.partition.WorkerProcess;
import io.ace.batch.partition.WorkerRoster;
import io.ace.exit.AceException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The worker processes that serve this job repository: this process serving as one, and the list of all with what each runs. */
public final class Workers {

    private final WorkerRoster roster;
    private final PartitionClaims claims;
    private final WorkerProcess process;
    private final boolean sharedRepository;
    private final Duration timeout;

    /**
     * @param sharedRepository whether the job repository is one workers on other machines can share (PostgreSQL)
     * @param timeout          how long a worker may go without a heartbeat before it is taken for lost
     */
    public Workers(WorkerRoster roster, PartitionClaims claims, WorkerProcess process, boolean sharedRepository, Duration timeout) {
        this.roster = roster;
        this.claims = claims;
        this.process = process;
        this.sharedRepository = sharedRepository;
        this.timeout = timeout;
    }

    /**
     * Starts this process serving as a worker ({@code concurrency} partitions at a time, those of
     * {@code region} or, when null, those without one); a configuration error (exit 78) when the
     * repository is the embedded one. Answers the worker's id.
     */
    public String serve(int concurrency, String region) {
        if (!sharedRepository) {
            throw AceException.config("a worker needs the PostgreSQL job repository its managers use, and this one is the embedded H2 file:"
                    + " set ACE_REPOSITORY_URL (and ACE_REPOSITORY_USER, ACE_REPOSITORY_PASSWORD)");
        }
        if (concurrency < 1) {
            throw AceException.usage("--concurrency must be at least 1, got " + concurrency);
        }
        if (region != null && (region.isBlank() || region.length() > 100)) {
            throw AceException.usage("--region must be a name of 1 to 100 characters, as a node's region= in the cluster file");
        }
        String id = RunContext.ownerFor(UUID.randomUUID().toString().substring(0, 8));
        process.start(id, concurrency, region == null ? null : region.strip());
        return id;
    }

    /** Every worker, newest first. */
    public List<WorkerView> list() {
        Map<String, List<String>> running = claims.running();
        return roster.all().stream().map(w -> new WorkerView(w.id(), w.host(), w.pid(), w.region(), w.concurrency(), w.started(),
                w.heartbeat(), Duration.between(w.heartbeat(), w.now()), w.stopped() != null ? "stopped" : w.alive(timeout) ? "live" : "lost",
                running.getOrDefault(w.id(), List.of()))).toList();
    }
}
