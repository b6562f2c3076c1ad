package io.ace.repair.plan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table the tests plan for: key (region, id) on three nodes, columns in another order than the key's. */
final class Plans {

    static final PlanContext CONTEXT = new PlanContext(List.of("n1", "n2", "n3"), List.of("id", "region", "name", "qty", "note"),
            List.of("region", "id"));

    static final Outcome UNTOUCHED = new Outcome.Untouched();
    static final Outcome ABSENT = new Outcome.Absent();

    private Plans() {
    }

    static RepairPlan plan(String yaml) {
        return RepairPlan.parse(yaml, "plan.yaml", CONTEXT);
    }

    static Map<String, String> row(String region, String id, String name, String qty, String note) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("region", region);
        row.put("name", name);
        row.put("qty", qty);
        row.put("note", note);
        return row;
    }

    static Outcome present(Map<String, String> row) {
        return new Outcome.Present(row);
    }

    static Key key(String region, String id) {
        return new Key(List.of(region, id));
    }

    /** A key's rows as a test writes them: node by node. */
    static final class Key {
        private final List<String> key;
        private final Map<String, Map<String, String>> rows = new HashMap<>();
        private final Map<String, String> commitTimes = new HashMap<>();
        private final Map<String, String> origins = new HashMap<>();

        Key(List<String> key) {
            this.key = key;
        }

        Key on(String node, String name, String qty, String note) {
            rows.put(node, row(key.get(0), key.get(1), name, qty, note));
            return this;
        }

        Key committed(String node, String time) {
            commitTimes.put(node, time);
            return this;
        }

        Key origin(String node, String origin) {
            origins.put(node, origin);
            return this;
        }

        Map<String, String> rowOf(String node) {
            return rows.get(node);
        }

        KeyRows rows() {
            return new KeyRows(key, rows, commitTimes, origins);
        }
    }
}
