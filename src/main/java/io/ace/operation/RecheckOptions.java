package io.ace.operation;

import io.ace.diff.DiffOptions;
import picocli.CommandLine.Option;

/** {@code --no-recheck} and {@code --recheck-timeout}: whether and how long a diff re-checks its keys after pending replication. */
public class RecheckOptions {

    @Option(names = "--no-recheck", negatable = false,
            description = "Report differing keys as first seen, without re-reading them after pending replication is applied.")
    boolean noRecheck;

    @Option(names = "--recheck-timeout", paramLabel = "SECONDS",
            description = "How long the re-check waits for replication to catch up (default: ${DEFAULT-VALUE}); nodes still behind are named.")
    int recheckTimeout = DiffOptions.DEFAULT_RECHECK_TIMEOUT_SECONDS;

    public boolean recheck() {
        return !noRecheck;
    }

    public int timeoutSeconds() {
        return recheckTimeout;
    }
}
