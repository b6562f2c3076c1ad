package io.ace.report;

import io.ace.difffile.DiffFileWriter;
import io.ace.difffile.DifferenceJson;
import io.ace.findings.BlockRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Everything the HTML audit report shows: run metadata for auditors, the summary, the first
 * differing rows of each pair with changed columns marked, and where in the key space the
 * mismatched blocks lie.
 */
public record DiffReport(Map<String, Object> summary, Map<String, String> metadata, Map<String, String> nodes,
                         List<String> columns, List<Pair> pairs, List<BlockRecord> blocks) {

    /** One differing key of a pair: both sides' values as displayed, and which columns differ. */
    public record Row(String key, String oddNode, Map<String, String> a, Map<String, String> b, Set<String> changed) {
        public boolean onlyA() {
            return b == null;
        }

        public boolean onlyB() {
            return a == null;
        }
    }

    public record Pair(String key, String a, String b, long count, boolean truncated, List<Row> rows) {
    }

    public static List<Pair> pairs(DiffFileWriter.Result result, List<String> columns) {
        List<Pair> pairs = new ArrayList<>();
        result.samples().forEach((pairKey, sample) -> {
            String[] ab = pairKey.split("/", 2);
            List<Row> rows = new ArrayList<>();
            for (JsonNode d : sample) {
                Map<String, String> a = display(DifferenceJson.row(d, ab[0]));
                Map<String, String> b = display(DifferenceJson.row(d, ab[1]));
                Set<String> changed = new LinkedHashSet<>();
                for (String c : columns) {
                    if (a == null || b == null || !java.util.Objects.equals(a.get(c), b.get(c))) {
                        changed.add(c);
                    }
                }
                List<String> key = new ArrayList<>();
                d.get("key").forEach(k -> key.add(k.asString()));
                rows.add(new Row(String.join(", ", key), DifferenceJson.oddNode(d), a, b, changed));
            }
            long count = result.diffRowsCount().get(pairKey);
            pairs.add(new Pair(pairKey, ab[0], ab[1], count, count > rows.size(), rows));
        });
        return pairs;
    }

    private static Map<String, String> display(String rowJson) {
        if (rowJson == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode row = DifferenceJson.read(rowJson);
        row.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? "NULL" : e.getValue().isString()
                ? e.getValue().asString() : e.getValue().toString()));
        return values;
    }
}
