package io.ace.batch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A worker process as the command line and the UI show it.
 *
 * @param state      {@code live}, {@code lost} (no heartbeat for longer than the worker timeout) or {@code stopped}
 * @param sinceBeat  how long ago its last heartbeat was
 * @param partitions the partitions it runs now ({@code execution 12 hash-partition:partition-000003})
 */
public record WorkerView(String id, String host, long pid, String region, int concurrency, OffsetDateTime started,
                         OffsetDateTime heartbeat, Duration sinceBeat, String state, List<String> partitions) {
}
