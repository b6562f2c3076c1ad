package io.ace.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flags of pgEdge ACE (the Go tool) that this tool does not have, and what does their work here,
 * so that an operator who types them from habit learns what to do instead of only "unknown option".
 */
final class AceGoFlags {

    private static final String DATABASE = "the database is each node's dbname in the cluster's service file";
    private static final String GUARDRAILS = "there are no block-size guardrails to override: --block-size takes 10 to 10,000,000";
    private static final String SCHEDULE = "schedule runs with a job definition in jobs/ (run by 'ace serve'), or from your scheduler"
            + " with --run-key";
    private static final String CPU = "use --concurrency-factor (partitions at once = processors x F)";

    private static final Map<String, String> INSTEAD = Map.ofEntries(
            Map.entry("-d", DATABASE), Map.entry("--dbname", DATABASE),
            Map.entry("-B", GUARDRAILS), Map.entry("--override-block-size", GUARDRAILS),
            Map.entry("-S", SCHEDULE), Map.entry("--schedule", SCHEDULE), Map.entry("-e", SCHEDULE), Map.entry("--every", SCHEDULE),
            Map.entry("-m", CPU), Map.entry("--max-cpu-ratio", CPU));

    private AceGoFlags() {
    }

    /** What to use instead of the first of these arguments that is a pgEdge ACE flag this tool lacks. */
    static Optional<String> instead(List<String> unmatched) {
        return unmatched.stream().map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
                .filter(INSTEAD::containsKey).findFirst().map(f -> f + " is a pgEdge ACE flag this tool does not have: " + INSTEAD.get(f));
    }
}
