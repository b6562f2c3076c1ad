package io.ace.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.ace.catalog.TableName;
import java.util.List;
import java.util.Map;

/**
 * What a table-repair did, as its report's summary and its one-line outcome say it.
 *
 * @param diffFile           the diff file repaired from, its absolute path
 * @param perNode            counts per target node under the keys {@code insert, update, delete, stale, already}
 * @param verified           keys read again and found identical on every node (0 in a dry run); in the outcome only
 * @param keysStillDiffering keys that differ after the repair; null in a dry run, which checks nothing afterwards (and the file leaves it out)
 * @param nodes              every node the repair read; in the outcome only
 * @param keyIndex           the index whose columns rows were matched by ({@code primary key "t_pkey"}, {@code unique index ...})
 * @param notCompared        the table's columns the diff file did not compare (--columns, --exclude-columns): updates left
 *                           them as they were, inserted rows took them from the source; null when it compared them all
 * @param recovery           how a recovery (--recovery-mode) chose its source; null for another repair
 * @param preserveOrigin     whether rows were written under the origin and commit time of the change they copy
 * @param comparedAs         {@code multiset} when the table has no key and the diff compared it as a multiset of whole
 *                           rows: {@code insert} and {@code delete} then count copies, {@code stale} and {@code already}
 *                           distinct rows, the keys verified and still differing are distinct rows, and there is no key
 *                           index; null when rows were matched by key
 */
public record RepairSummary(@JsonUnwrapped TableName table, String mode, String sourceOfTruth, boolean dryRun, boolean fireTriggers,
                            String diffFile, String diffFileSha256, Map<String, Map<String, Long>> perNode, @JsonIgnore long verified,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long keysStillDiffering, @JsonIgnore List<String> nodes, long jobExecutionId, String runKey,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String keyIndex, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> notCompared,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Recovery recovery, boolean preserveOrigin,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String comparedAs)
        implements Summary {

    /** What the diff file of a table without a key compared it as. */
    public static final String MULTISET = "multiset";

    /** A repair of rows matched by key. */
    public RepairSummary(TableName table, String mode, String sourceOfTruth, boolean dryRun, boolean fireTriggers, String diffFile,
                         String diffFileSha256, Map<String, Map<String, Long>> perNode, long verified, Long keysStillDiffering,
                         List<String> nodes, long jobExecutionId, String runKey, String keyIndex, List<String> notCompared,
                         Recovery recovery, boolean preserveOrigin) {
        this(table, mode, sourceOfTruth, dryRun, fireTriggers, diffFile, diffFileSha256, perNode, verified, keysStillDiffering, nodes,
                jobExecutionId, runKey, keyIndex, notCompared, recovery, preserveOrigin, null);
    }

    /** Whether the repair made nodes hold a multiset's copies (see {@code comparedAs}). */
    public boolean multiset() {
        return MULTISET.equals(comparedAs);
    }

    /**
     * The evidence a recovery chose its source by.
     *
     * @param failedNode the node whose writes were recovered
     * @param source     the node repaired from
     * @param chosenBy   {@code highest applied position}, or {@code --source-of-truth} when named
     * @param applied    per survivor, how far into the failed node's WAL it had applied its changes (null: no origin for it)
     */
    public record Recovery(String failedNode, String source, String chosenBy, Map<String, String> applied) {
    }

    /** The counts each node's apply step records, in the order the reports show them. */
    public static final List<String> COUNTS = List.of("insert", "update", "delete", "stale", "already");

    /** Changes the diff file asked for and the repair left alone as stale, over every node. */
    public long stale() {
        return perNode.values().stream().mapToLong(c -> c.getOrDefault("stale", 0L)).sum();
    }

    /** Changes a dry run planned (or a repair wrote), over every node. */
    public long plannedChanges() {
        return perNode.values().stream().mapToLong(c -> c.getOrDefault("insert", 0L) + c.getOrDefault("update", 0L) + c.getOrDefault("delete", 0L))
                .sum();
    }

    /** How a recovery chose its source, for the outcome line. */
    private String recovered() {
        if (recovery == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(" (recovering " + recovery.failedNode() + "'s writes; source chosen by " + recovery.chosenBy() + ": ");
        String sep = "";
        for (Map.Entry<String, String> e : recovery.applied().entrySet()) {
            s.append(sep).append(e.getKey()).append(e.getValue() == null ? " has no origin for " + recovery.failedNode() : " applied to " + e.getValue());
            sep = ", ";
        }
        return s.append(')').toString();
    }

    /** The outcome in one line: what was (or would be) done on each node, then the verification. */
    public String line() {
        String planned = multiset() ? (plannedChanges() == 1 ? " copy to insert or delete" : " copies to insert or delete")
                : plannedChanges() == 1 ? " change" : " changes";
        StringBuilder line = new StringBuilder(table + (dryRun ? " repair DRY RUN: " + plannedChanges() + planned
                + " planned, nothing written; " : " repair, ") + mode
                + (sourceOfTruth == null ? "" : " from " + sourceOfTruth) + recovered() + ": ");
        if (multiset()) {
            return multisetLine(line);
        }
        perNode.forEach((node, c) -> line.append(node).append(' ')
                .append(dryRun ? "would insert " : "inserted ").append(c.get("insert"))
                .append(dryRun ? ", would update " : ", updated ").append(c.get("update"))
                .append(dryRun ? ", would delete " : ", deleted ").append(c.get("delete"))
                .append(", stale ").append(c.get("stale")).append(", already in place ").append(c.get("already")).append("; "));
        if (!dryRun) {
            line.append(verified).append(verified == 1 ? " key verified identical on " : " keys verified identical on ")
                    .append(String.join(", ", nodes))
                    .append(keysStillDiffering == null || keysStillDiffering == 0 ? "" : "; " + keysStillDiffering + (keysStillDiffering == 1 ? " key still differs" : " keys still differ"));
        }
        if (preserveOrigin && !dryRun) {
            line.append("; rows written under the origin and commit time of the changes they copy, one transaction per commit time"
                    + " (a failure keeps the transactions before it: run the repair again to finish)");
        }
        if (notCompared != null) {
            line.append(dryRun ? "" : "; ").append("columns not compared (").append(String.join(", ", notCompared))
                    .append(dryRun ? ") would be left as they are by updates, and taken with the rest of the row by inserts"
                            : ") left as they were by updates, taken with the rest of the row by inserts");
        }
        return line.toString();
    }

    /** The outcome of a multiset's repair: copies inserted and deleted per node, stale rows, then the rows re-counted. */
    private String multisetLine(StringBuilder line) {
        perNode.forEach((node, c) -> {
            long already = c.getOrDefault("already", 0L);
            line.append(node).append(": ").append(dryRun ? "would insert " : "inserted ").append(copies(c.get("insert")))
                    .append(dryRun ? ", would delete " : ", deleted ").append(copies(c.get("delete")))
                    .append(", stale ").append(c.get("stale")).append(already == 0 ? "" : ", already in place " + already).append("; ");
        });
        if (!dryRun) {
            boolean equal = keysStillDiffering == null || keysStillDiffering == 0;
            line.append(verified).append(verified == 1 ? " row" : " rows").append(" verified with as many copies on ").append(String.join(", ", nodes))
                    .append(equal ? " (the multisets are equal)" : "; " + keysStillDiffering + (keysStillDiffering == 1 ? " row still differs"
                            : " rows still differ") + " (the multisets are not equal)");
        }
        return line.toString();
    }

    private static String copies(long n) {
        return n + (n == 1 ? " copy" : " copies");
    }
}
