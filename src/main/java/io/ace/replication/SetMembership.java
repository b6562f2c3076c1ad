package io.ace.replication;

import io.ace.catalog.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One replication set across the nodes: which nodes define it, and every table that is in it on
 * at least one of them, with what each node's set says of the table (row filter, column list).
 * Decides what a comparison of the set's tables must look at: only the rows every node's filter
 * replicates, only the columns every node's column list replicates.
 *
 * @param nodesWithSet    nodes that define the set
 * @param nodesWithoutSet nodes that do not
 * @param members         the union of the set's tables over the nodes, in name order
 */
public record SetMembership(String set, List<String> nodesWithSet, List<String> nodesWithoutSet, List<Member> members) {

    /**
     * A table of the set.
     *
     * @param byNode the table's membership on each node whose set holds it
     */
    public record Member(TableName table, Map<String, ReplicationConfig.SetTable> byNode) {

        /**
         * The rows every node replicates: the conjunction of the nodes' row filters (a node
         * without one replicates every row), or null when no node filters.
         */
        public String filter() {
            Set<String> filters = new LinkedHashSet<>();
            byNode.values().forEach(t -> {
                if (t.rowFilter() != null && !t.rowFilter().isBlank()) {
                    filters.add(t.rowFilter());
                }
            });
            return filters.isEmpty() ? null : filters.size() == 1 ? filters.iterator().next()
                    : String.join(" AND ", filters.stream().map(f -> "(" + f + ")").toList());
        }

        /** The columns every node replicates (its column lists intersected), or null when no node has a column list. */
        public List<String> columns() {
            List<String> columns = null;
            for (ReplicationConfig.SetTable t : byNode.values()) {
                if (t.columns() != null) {
                    if (columns == null) {
                        columns = new ArrayList<>(t.columns());
                    } else {
                        columns.retainAll(t.columns());
                    }
                }
            }
            return columns;
        }

        /** How this table's membership differs between the nodes that define the set, or null when it does not. */
        public String difference(List<String> nodesWithSet) {
            List<String> notes = new ArrayList<>();
            List<String> lacking = nodesWithSet.stream().filter(n -> !byNode.containsKey(n)).toList();
            if (!lacking.isEmpty()) {
                notes.add("in the set on " + String.join(", ", byNode.keySet()) + " but not on " + String.join(", ", lacking));
            }
            if (byNode.values().stream().map(t -> Objects.toString(t.rowFilter(), "")).distinct().count() > 1) {
                notes.add("row filter differs (" + describe(t -> t.rowFilter() == null ? "none" : t.rowFilter()) + ")");
            }
            if (byNode.values().stream().map(t -> Objects.toString(t.columns(), "")).distinct().count() > 1) {
                notes.add("column list differs (" + describe(t -> t.columns() == null ? "all" : String.join(", ", t.columns())) + ")");
            }
            return notes.isEmpty() ? null : String.join("; ", notes);
        }

        private String describe(java.util.function.Function<ReplicationConfig.SetTable, String> what) {
            List<String> parts = new ArrayList<>();
            byNode.forEach((node, t) -> parts.add(node + ": " + what.apply(t)));
            return String.join("; ", parts);
        }
    }

    public static SetMembership of(String set, List<ReplicationConfig> configs) {
        List<String> with = new ArrayList<>();
        List<String> without = new ArrayList<>();
        Map<String, Map<String, ReplicationConfig.SetTable>> byTable = new TreeMap<>();
        Map<String, TableName> names = new LinkedHashMap<>();
        for (ReplicationConfig config : configs) {
            if (config.set(set).isEmpty()) {
                without.add(config.node());
                continue;
            }
            with.add(config.node());
            for (ReplicationConfig.SetTable t : config.tablesOf(set)) {
                String key = t.table().toString();
                names.putIfAbsent(key, t.table());
                byTable.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(config.node(), t);
            }
        }
        List<Member> members = new ArrayList<>();
        byTable.forEach((key, byNode) -> members.add(new Member(names.get(key), byNode)));
        return new SetMembership(set, with, without, members);
    }
}
