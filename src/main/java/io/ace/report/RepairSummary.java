package io.ace.report;

import io.ace.catalog.TableName;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a table-repair did, as its report's summary and its one-line outcome say it.
 *
 * @param perNode        counts per target node under the keys {@code insert, update, delete, stale, already}
 * @param verified       keys read again and found identical on every node (0 in a dry run)
 * @param stillDiffering keys that differ after the repair
 * @param nodes          every node the repair read
 */
public record RepairSummary(TableName table, String mode, String sourceOfTruth, boolean dryRun, boolean fireTriggers, Path diffFile,
                            String diffFileSha256, Map<String, Map<String, Long>> perNode, long verified, long stillDiffering,
                            List<String> nodes, long jobExecutionId, String runKey) {

    /** The counts each node's apply step records, in the order the reports show them. */
    public static final List<String> COUNTS = List.of("insert", "update", "delete", "stale", "already");

    /** Changes the diff file asked for and the repair left alone as stale, over every node. */
    public long stale() {
        return perNode.values().stream().mapToLong(c -> c.getOrDefault("stale", 0L)).sum();
    }

    /** The repair report's {@code summary} object. */
    public Map<String, Object> fields() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", table.schema());
        s.put("table", table.table());
        s.put("mode", mode);
        s.put("source_of_truth", sourceOfTruth);
        s.put("dry_run", dryRun);
        s.put("fire_triggers", fireTriggers);
        s.put("diff_file", diffFile.toAbsolutePath().toString());
        s.put("diff_file_sha256", diffFileSha256);
        s.put("per_node", perNode);
        s.put("keys_still_differing", stillDiffering);
        s.put("job_execution_id", jobExecutionId);
        s.put("run_key", runKey);
        return s;
    }

    /** The outcome in one line: what was (or would be) done on each node, then the verification. */
    public String line() {
        StringBuilder line = new StringBuilder(table + (dryRun ? " repair DRY RUN (nothing changed), " : " repair, ") + mode
                + (sourceOfTruth == null ? "" : " from " + sourceOfTruth) + ": ");
        perNode.forEach((node, c) -> line.append(node).append(' ')
                .append(dryRun ? "would insert " : "inserted ").append(c.get("insert"))
                .append(dryRun ? ", would update " : ", updated ").append(c.get("update"))
                .append(dryRun ? ", would delete " : ", deleted ").append(c.get("delete"))
                .append(", stale ").append(c.get("stale")).append(", already in place ").append(c.get("already")).append("; "));
        if (!dryRun) {
            line.append(verified).append(verified == 1 ? " key verified identical on " : " keys verified identical on ").append(String.join(", ", nodes))
                    .append(stillDiffering == 0 ? "" : "; " + stillDiffering + (stillDiffering == 1 ? " key still differs" : " keys still differ"));
        }
        return line.toString();
    }
}
