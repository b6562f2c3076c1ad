package io.ace.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the table-repair HTML report shows: the run's settings, what was done on each node,
 * and the changes, each with the row before and after column by column and the changed cells
 * marked. At most {@code maxRows} changes are listed; the JSON report keeps every one.
 */
public record RepairReport(String table, boolean dryRun, long stillDiffering, List<Fact> settings, List<NodeCounts> perNode,
                           List<Change> changes, List<String> columns, long total, int maxRows, boolean budgetReached, boolean multiset) {

    private static final Set<String> SHOWN_ELSEWHERE = Set.of("schema", "table", "per_node");

    /** What the repair did (or, in a dry run, would do) on one node. */
    public record NodeCounts(String node, long inserted, long updated, long deleted, long stale, long already) {
    }

    /**
     * One change.
     *
     * @param kind   insert, update or delete
     * @param status     applied, planned (dry run), stale (the row changed since the diff; skipped) or already (in place)
     * @param copiesText a multiset row's copies on the node before and after, and on the source; null for a row matched by key
     */
    public record Change(String node, String kind, String status, List<ShownValue> key, String keyText, RowComparison sides,
                         String copiesText) {
        public boolean stale() {
            return "stale".equals(status);
        }

        /** The status in words a reader needs no legend for. */
        public String statusText() {
            return switch (status) {
                case "planned" -> "planned, not written";
                case "stale" -> "skipped: the row changed since the diff; after is what the node holds";
                case "already" -> "already in place";
                default -> status;
            };
        }
    }

    /**
     * @param listed the first changes as {@link RepairJson} wrote them, at most {@code maxRows}
     * @param total  all changes of the run
     */
    public static RepairReport of(RepairSummary summary, List<String> listed, long total, int maxRows, boolean budgetReached) {
        List<NodeCounts> counts = new ArrayList<>();
        summary.perNode().forEach((node, c) -> counts.add(new NodeCounts(node, c.getOrDefault("insert", 0L), c.getOrDefault("update", 0L),
                c.getOrDefault("delete", 0L), c.getOrDefault("stale", 0L), c.getOrDefault("already", 0L))));
        List<RepairJson.Listed> read = listed.stream().map(RepairJson::read).toList();
        Set<String> columns = new LinkedHashSet<>();
        for (RepairJson.Listed c : read) {
            if (c.before() != null) {
                columns.addAll(c.before().keySet());
            }
            if (c.after() != null) {
                columns.addAll(c.after().keySet());
            }
        }
        List<String> columnList = List.copyOf(columns);
        List<Change> changes = new ArrayList<>();
        for (RepairJson.Listed c : read) {
            changes.add(new Change(c.node(), c.kind(), c.status(),
                    ShownValue.texts(c.key()), String.join(", ", c.key()),
                    RowComparison.of(columnList, c.before(), c.after()), copiesText(c.copies())));
        }
        return new RepairReport(summary.table().toString(), summary.dryRun(),
                summary.keysStillDiffering() == null ? 0 : summary.keysStillDiffering(),
                Fact.of(summary.fields(), SHOWN_ELSEWHERE), counts, changes, columnList, total, maxRows, budgetReached, summary.multiset());
    }

    /** A multiset row's copies in words: on the node recorded, found and left, and on the source. */
    private static String copiesText(Map<String, Long> copies) {
        if (copies == null) {
            return null;
        }
        return "copies on the node: " + copies.get("recorded") + " recorded, " + copies.get("found") + " found, " + copies.get("left")
                + " left; on the source: " + copies.get("source_recorded") + " recorded, " + copies.get("source_found") + " found";
    }

    /** Whether the row cap left changes out of this report. */
    public boolean capped() {
        return total > changes.size();
    }
}
