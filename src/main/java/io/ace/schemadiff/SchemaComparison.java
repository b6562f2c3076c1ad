package io.ace.schemadiff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A schema's definitions compared across nodes, pair by pair: the objects each side of a pair
 * lacks, and the objects both have with other definitions.
 *
 * @param nodes              the nodes compared, in order
 * @param nodesWithoutSchema nodes that do not have the schema at all
 * @param objects            objects per node
 * @param pairs              one per node pair, in node order
 */
public record SchemaComparison(String schema, List<String> nodes, List<String> nodesWithoutSchema, Map<String, Integer> objects,
                               List<Pair> pairs) {

    /** What differs between two nodes. */
    public record Pair(String a, String b, List<SchemaObject> onlyOnA, List<SchemaObject> onlyOnB, List<Changed> changed) {

        public int differences() {
            return onlyOnA.size() + onlyOnB.size() + changed.size();
        }
    }

    /** An object both nodes of a pair have, defined otherwise. */
    public record Changed(String kind, String name, String definitionOnA, String definitionOnB) {
    }

    /** {@code byNode}: each node's objects; a node missing from it does not have the schema. */
    public static SchemaComparison of(String schema, List<String> nodes, Map<String, List<SchemaObject>> byNode) {
        Map<String, Map<String, SchemaObject>> keyed = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        for (String node : nodes) {
            List<SchemaObject> objects = byNode.get(node);
            if (objects == null) {
                without.add(node);
                continue;
            }
            Map<String, SchemaObject> m = new TreeMap<>();
            objects.forEach(o -> m.put(o.key(), o));
            keyed.put(node, m);
            counts.put(node, objects.size());
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                Map<String, SchemaObject> a = keyed.getOrDefault(nodes.get(i), Map.of());
                Map<String, SchemaObject> b = keyed.getOrDefault(nodes.get(j), Map.of());
                List<SchemaObject> onlyA = a.values().stream().filter(o -> !b.containsKey(o.key())).toList();
                List<SchemaObject> onlyB = b.values().stream().filter(o -> !a.containsKey(o.key())).toList();
                List<Changed> changed = new ArrayList<>();
                a.forEach((key, o) -> {
                    SchemaObject other = b.get(key);
                    if (other != null && !Objects.equals(o.definition(), other.definition())) {
                        changed.add(new Changed(o.kind(), o.name(), o.definition(), other.definition()));
                    }
                });
                pairs.add(new Pair(nodes.get(i), nodes.get(j), onlyA, onlyB, changed));
            }
        }
        return new SchemaComparison(schema, nodes, without, counts, pairs);
    }

    /** Objects not defined alike on every node (each counted once, however many pairs show it), plus nodes lacking the schema. */
    public int differences() {
        Set<String> differing = new LinkedHashSet<>();
        for (Pair p : pairs) {
            p.onlyOnA().forEach(o -> differing.add(o.key()));
            p.onlyOnB().forEach(o -> differing.add(o.key()));
            p.changed().forEach(c -> differing.add(c.kind() + " " + c.name()));
        }
        return differing.size() + nodesWithoutSchema.size();
    }

    /** Tables every node that has the schema defines, in name order. */
    public static List<String> tablesOnEveryNode(Map<String, List<SchemaObject>> byNode) {
        Set<String> common = null;
        for (List<SchemaObject> objects : byNode.values()) {
            Set<String> tables = new java.util.TreeSet<>();
            objects.stream().filter(o -> o.kind().equals("table")).forEach(o -> tables.add(o.name()));
            if (common == null) {
                common = tables;
            } else {
                common.retainAll(tables);
            }
        }
        return common == null ? List.of() : List.copyOf(common);
    }
}
