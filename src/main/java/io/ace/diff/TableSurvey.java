package io.ace.diff;

import io.ace.catalog.CatalogReader;
import io.ace.catalog.TableFacts;
import io.ace.catalog.TableName;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells, for each of many tables, whether it can be compared row by row on every node, and why
 * not: missing on some node, not a table, unlogged or temporary (replication never carries its
 * rows), or with other columns or another key on some node (rows cannot be compared until the
 * definitions agree). A table without a key is compared too, as a multiset of whole rows. Reads each node's catalog once per table, one session at a time.
 */
public final class TableSurvey {

    /** What a table is, for a comparison of many. */
    public enum Kind {
        /** On every node, a table: compared by its key (primary, or a unique index that could be one), or as a multiset without one. */
        COMPARE,
        /** Not on every node: its name is listed with the nodes that lack it. */
        MISSING,
        /** Its rows are not replicated (unlogged, temporary). */
        NOT_REPLICATED,
        /** Cannot be compared (not a table). */
        SKIPPED,
        /** Its columns or key differ between nodes: a finding of its own, its rows are not compared. */
        DEFINITION_DIFFERS
    }

    /**
     * The verdict on one table.
     *
     * @param reason why it is not compared (the nodes that lack it, for {@link Kind#MISSING}); empty when compared
     */
    public record Verdict(TableName table, Kind kind, String reason) {
    }

    private final CatalogReader catalog = new CatalogReader();

    public List<Verdict> survey(ClusterSessions sessions, List<TableName> tables) {
        record NodeFacts(Map<TableName, Optional<TableFacts>> facts, Map<TableName, TableShape> shapes) {
        }
        Map<String, NodeFacts> read = NodeFanOut.readEveryNode(sessions, node -> "cannot read the catalog of node " + node, (c, node) -> {
            NodeFacts found = new NodeFacts(new LinkedHashMap<>(), new LinkedHashMap<>());
            for (TableName table : tables) {
                Optional<TableFacts> f = catalog.facts(c, table);
                found.facts().put(table, f);
                if (f.isPresent() && f.get().isTable()) {
                    found.shapes().put(table, catalog.read(c, table).orElseThrow());
                }
            }
            return found;
        });
        Map<TableName, Map<String, Optional<TableFacts>>> facts = new LinkedHashMap<>();
        Map<TableName, Map<String, TableShape>> shapes = new LinkedHashMap<>();
        read.forEach((node, onNode) -> {
            onNode.facts().forEach((table, f) -> facts.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(node, f));
            onNode.shapes().forEach((table, shape) -> shapes.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(node, shape));
        });
        List<Verdict> verdicts = new ArrayList<>();
        facts.forEach((table, byNode) -> verdicts.add(verdict(table, byNode, shapes.getOrDefault(table, Map.of()))));
        return verdicts;
    }

    private static Verdict verdict(TableName table, Map<String, Optional<TableFacts>> byNode, Map<String, TableShape> shapes) {
        List<String> lacking = byNode.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        if (!lacking.isEmpty()) {
            return new Verdict(table, Kind.MISSING, String.join(", ", lacking));
        }
        for (Map.Entry<String, Optional<TableFacts>> e : byNode.entrySet()) {
            TableFacts f = e.getValue().orElseThrow();
            if (!f.isTable()) {
                return new Verdict(table, Kind.SKIPPED, "not a table on node " + e.getKey() + " (relkind " + f.kind() + ")");
            }
            if (f.notReplicated()) {
                return new Verdict(table, Kind.NOT_REPLICATED, f.persistenceName() + " on node " + e.getKey()
                        + ": logical replication does not carry its rows");
            }
        }
        String first = shapes.keySet().iterator().next();
        for (Map.Entry<String, TableShape> e : shapes.entrySet()) {
            TableShape reference = shapes.get(first);
            String columns = TablePreflight.describeDifference(reference.columns(), e.getValue().columns());
            if (columns != null || !reference.keyNames().equals(e.getValue().keyNames())) {
                String what = columns != null ? columns
                        : "key (" + String.join(", ", reference.keyNames()) + ") vs (" + String.join(", ", e.getValue().keyNames()) + ")";
                return new Verdict(table, Kind.DEFINITION_DIFFERS, "columns or key differ between node " + first + " and node "
                        + e.getKey() + ": " + what + "; its rows are compared once the definitions agree");
            }
        }
        return new Verdict(table, Kind.COMPARE, "");
    }
}
